package dev.rewards.analytics.distribution;

import java.math.BigDecimal;

/** Amounts have at most 2 decimals, so sums are kept exactly as whole cents. */
public final class Amounts {

  private Amounts() {}

  public static long toCents(BigDecimal amount) {
    return amount == null ? 0 : amount.movePointRight(2).longValueExact();
  }
}
