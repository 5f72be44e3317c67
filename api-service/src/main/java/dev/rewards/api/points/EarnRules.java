package dev.rewards.api.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many points a purchase earns when the request does not say: {@code amount × points-per-unit}
 * of its category (or the default), rounded down, and at least 1.
 *
 * @param defaultPointsPerUnit rate for categories without their own (0.5 unless configured)
 * @param categories rate per category name
 */
@ConfigurationProperties("rewards.earn-rules")
public record EarnRules(BigDecimal defaultPointsPerUnit, Map<String, BigDecimal> categories) {

  public EarnRules {
    defaultPointsPerUnit =
        defaultPointsPerUnit == null ? new BigDecimal("0.5") : defaultPointsPerUnit;
    categories = categories == null ? Map.of() : Map.copyOf(categories);
  }

  public long pointsFor(String category, BigDecimal amount) {
    BigDecimal rate = categories.getOrDefault(category, defaultPointsPerUnit);
    long points = amount.multiply(rate).setScale(0, RoundingMode.DOWN).longValueExact();
    return Math.max(1, points);
  }
}
