package dev.rewards.ledger.messaging;

import dev.rewards.contracts.CommandRules;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RewardsCommand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random command histories for the ledger, from a seed: many users interleaved, values at and
 * beyond every rule's boundary that still parse as JSON, duplicates of earlier records, and records
 * that cannot be read at all though they name a command. Each record says which outcome the ledger
 * owes it, so a test can check that every command ends in exactly that.
 */
final class CommandHistories {

  /** What the ledger must answer a record with. */
  enum Expected {
    APPLIED_OR_REFUSED, // a valid command: applied, or a redemption refused for its balance
    INVALID, // breaks a command rule: REJECTED INVALID_COMMAND
    UNREADABLE, // cannot be read, names a command: REJECTED DEAD_LETTERED
    DUPLICATE // a record of a command sent before: no second outcome
  }

  /** One record to publish: its key, its bytes, the command it carries (null if unreadable). */
  record Step(
      String key, byte[] value, UUID commandId, RewardsCommand command, Expected expected) {}

  private static final Instant ACCEPTED = Instant.parse("2024-06-01T12:00:00Z");

  private static final long[] POINTS = {
    1,
    2,
    50,
    999,
    1_000_000,
    CommandRules.MAX_EARN_POINTS, // valid
    0,
    -1,
    CommandRules.MAX_EARN_POINTS + 1,
    Long.MAX_VALUE,
    Long.MIN_VALUE // invalid
  };
  private static final long[] REDEEM_POINTS = {
    1, 100, 500, 5_000, CommandRules.MAX_REDEEM_POINTS, 0, -500, CommandRules.MAX_REDEEM_POINTS + 1
  };
  private static final String[] AMOUNTS = {
    "0.01",
    "1",
    "1.10",
    "999999999.99",
    "1000000000", // valid
    "0",
    "-1",
    "0.001",
    "1000000000.01",
    "1E+400",
    "1E-400" // invalid
  };
  private static final String[] VALUES = {"0", "5.00", "10", "0.005", "-1", "1E+13"};
  private static final String[] TEXTS = {
    "shopping",
    "dining",
    "x",
    "💳 card",
    "a".repeat(50),
    "$where.x", // valid
    "",
    "   ",
    "a".repeat(51),
    "\u0000\u0000" // invalid: blank, too long, (the last is not blank)
  };
  private static final Instant[] PURCHASE_TIMES = {
    ACCEPTED,
    CommandRules.EARLIEST,
    ACCEPTED.plus(CommandRules.MAX_PURCHASE_AHEAD),
    Instant.parse("2019-02-03T04:05:06.789Z"), // valid
    CommandRules.EARLIEST.minusMillis(1),
    ACCEPTED.plus(CommandRules.MAX_PURCHASE_AHEAD).plusMillis(1),
    Instant.EPOCH,
    Instant.parse("+999999999-01-01T00:00:00Z"),
    Instant.MIN // invalid
  };
  private static final Instant[] ACCEPTED_TIMES = {
    ACCEPTED,
    CommandRules.LATEST.minusMillis(1), // valid
    CommandRules.LATEST,
    Instant.parse("1999-12-31T23:59:59Z"),
    Instant.MAX // invalid
  };
  private static final String[] BAD_USER_IDS = {"", "a/b", "u".repeat(65), "jürgen", "a b"};

  private final Random random;
  private final List<String> users = new ArrayList<>();
  private final List<Step> sent = new ArrayList<>();

  CommandHistories(long seed, String runPrefix, int userCount) {
    this.random = new Random(seed);
    for (int i = 0; i < userCount; i++) {
      users.add(runPrefix + "-u" + i);
    }
  }

  List<String> users() {
    return users;
  }

  List<Step> history(int length) {
    List<Step> history = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      Step step = next();
      history.add(step);
      sent.add(step);
    }
    return history;
  }

  private Step next() {
    int kind = random.nextInt(100);
    if (kind < 8 && !sent.isEmpty()) {
      Step earlier = sent.get(random.nextInt(sent.size()));
      return new Step(
          earlier.key(),
          earlier.value(),
          earlier.commandId(),
          earlier.command(),
          Expected.DUPLICATE);
    }
    if (kind < 13) {
      return unreadable();
    }
    String userId = random.nextInt(20) == 0 ? pick(BAD_USER_IDS) : pick(users);
    boolean boundaryValues = random.nextInt(3) == 0;
    RewardsCommand command =
        random.nextInt(100) < 55 ? earn(userId, boundaryValues) : redeem(userId, boundaryValues);
    Expected expected =
        CommandRules.firstViolation(command).isPresent()
            ? Expected.INVALID
            : Expected.APPLIED_OR_REFUSED;
    return new Step(userId, MessageJson.write(command), command.commandId(), command, expected);
  }

  private EarnPoints earn(String userId, boolean boundaryValues) {
    Instant accepted = boundaryValues ? pick(ACCEPTED_TIMES) : ACCEPTED;
    return new EarnPoints(
        UUID.randomUUID(),
        userId,
        boundaryValues ? pick(POINTS) : 1 + random.nextInt(5_000),
        boundaryValues ? pick(TEXTS) : pick(new String[] {"shopping", "dining", "travel"}),
        new BigDecimal(boundaryValues ? pick(AMOUNTS) : "10.50"),
        boundaryValues
            ? pick(PURCHASE_TIMES)
            : accepted.minus(Duration.ofHours(random.nextInt(48))),
        accepted);
  }

  private RedeemPoints redeem(String userId, boolean boundaryValues) {
    return new RedeemPoints(
        UUID.randomUUID(),
        userId,
        boundaryValues ? pick(REDEEM_POINTS) : 1 + random.nextInt(4_000),
        boundaryValues ? pick(TEXTS) : "voucher",
        new BigDecimal(boundaryValues ? pick(VALUES) : "5.00"),
        boundaryValues ? pick(ACCEPTED_TIMES) : ACCEPTED);
  }

  /** JSON that names a command but is not one: a wrong type, a missing or malformed field. */
  private Step unreadable() {
    UUID commandId = UUID.randomUUID();
    String userId = pick(users);
    String[] shapes = {
      "{\"type\":\"EarnPoints\",\"commandId\":\"%s\",\"userId\":\"%s\",\"points\":\"many\"}",
      "{\"type\":\"StealPoints\",\"commandId\":\"%s\",\"userId\":\"%s\"}",
      "{\"commandId\":\"%s\",\"userId\":\"%s\",\"points\":5}",
      "{\"type\":\"RedeemPoints\",\"commandId\":\"%s\",\"userId\":\"%s\",\"pointsToRedeem\":1e999}",
      "{\"type\":\"EarnPoints\",\"commandId\":\"%s\",\"userId\":\"%s\",\"purchasedAt\":\"yesterday\"}"
    };
    String json = pick(shapes).formatted(commandId, userId);
    return new Step(
        userId, json.getBytes(StandardCharsets.UTF_8), commandId, null, Expected.UNREADABLE);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private <T> T pick(T[] from) {
    return from[random.nextInt(from.length)];
  }

  private long pick(long[] from) {
    return from[random.nextInt(from.length)];
  }
}
