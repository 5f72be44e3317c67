package dev.rewards.analytics.distribution;

import java.util.Arrays;
import java.util.List;

/**
 * The balance ranges of the histogram, by their lower bounds (the first is 0). A range reaches up
 * to the next bound; the last one is open. Changing them calls for a rebuild (docs/operations.md).
 */
public record BalanceRanges(List<Long> lowerBounds) {

  public BalanceRanges {
    if (lowerBounds.isEmpty() || lowerBounds.get(0) != 0) {
      throw new IllegalArgumentException("balance ranges must start at 0: " + lowerBounds);
    }
    for (int i = 1; i < lowerBounds.size(); i++) {
      if (lowerBounds.get(i) <= lowerBounds.get(i - 1)) {
        throw new IllegalArgumentException("balance ranges must increase: " + lowerBounds);
      }
    }
    lowerBounds = List.copyOf(lowerBounds);
  }

  public static BalanceRanges of(long... lowerBounds) {
    return new BalanceRanges(Arrays.stream(lowerBounds).boxed().toList());
  }

  /** The lower bound of the range holding {@code balance}: the key its users are counted under. */
  public long rangeOf(long balance) {
    long range = 0;
    for (long bound : lowerBounds) {
      if (balance >= bound) {
        range = bound;
      }
    }
    return range;
  }
}
