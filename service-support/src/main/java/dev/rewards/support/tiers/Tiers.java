package dev.rewards.support.tiers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The program's tiers by lifetime points ({@code REWARDS_TIERS}, for example {@code
 * bronze:0,silver:1000,gold:5000}): a user is in the highest tier whose minimum their lifetime
 * points reach. The first tier starts at 0, so everyone has one — also a user whose refunds took
 * their lifetime points to 0.
 */
public final class Tiers {

  /** The contract's default. */
  public static final String DEFAULT = "bronze:0,silver:1000,gold:5000";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,50}");

  /** One tier and the lifetime points it starts at. */
  public record Tier(String name, long minLifetimePoints) {}

  private final List<Tier> ascending;

  private Tiers(List<Tier> ascending) {
    this.ascending = List.copyOf(ascending);
  }

  /**
   * Reads {@code name:minimum} pairs separated by commas, in ascending order of minimum.
   *
   * @throws IllegalArgumentException naming what is wrong and how it should look
   */
  public static Tiers parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw invalid(spec, "it is empty");
    }
    List<Tier> tiers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String part : spec.split(",")) {
      String[] pair = part.trim().split(":", -1);
      if (pair.length != 2 || !NAME.matcher(pair[0].trim()).matches()) {
        throw invalid(spec, "'" + part.trim() + "' is not name:minimum");
      }
      String name = pair[0].trim();
      long minimum;
      try {
        minimum = Long.parseLong(pair[1].trim());
      } catch (NumberFormatException e) {
        throw invalid(spec, "'" + pair[1].trim() + "' is not a whole number of points");
      }
      if (!names.add(name)) {
        throw invalid(spec, "tier '" + name + "' appears twice");
      }
      if (tiers.isEmpty()
          ? minimum != 0
          : minimum <= tiers.get(tiers.size() - 1).minLifetimePoints()) {
        throw invalid(
            spec,
            tiers.isEmpty()
                ? "the first tier must start at 0, so that every user has one"
                : "minimums must rise from one tier to the next");
      }
      tiers.add(new Tier(name, minimum));
    }
    return new Tiers(tiers);
  }

  /** Every tier, lowest first. */
  public List<Tier> ascending() {
    return ascending;
  }

  /** The tier of a user with these lifetime points. */
  public String tierOf(long lifetimePoints) {
    String tier = ascending.get(0).name();
    for (Tier candidate : ascending) {
      if (lifetimePoints >= candidate.minLifetimePoints()) {
        tier = candidate.name();
      }
    }
    return tier;
  }

  private static IllegalArgumentException invalid(String spec, String why) {
    return new IllegalArgumentException(
        "REWARDS_TIERS '"
            + spec
            + "' is invalid: "
            + why
            + ". Expected name:minimum pairs, lowest first, for example "
            + DEFAULT);
  }
}
