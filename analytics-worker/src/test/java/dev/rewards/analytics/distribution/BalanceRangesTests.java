package dev.rewards.analytics.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BalanceRangesTests {

  private final BalanceRanges ranges = BalanceRanges.of(0, 100, 500, 1000);

  @ParameterizedTest
  @CsvSource({"0, 0", "99, 0", "100, 100", "499, 100", "500, 500", "1000, 1000", "99999, 1000"})
  void placesABalanceInTheRangeThatHoldsIt(long balance, long lowerBound) {
    assertThat(ranges.rangeOf(balance)).isEqualTo(lowerBound);
  }

  @Test
  void refusesRangesThatDoNotStartAtZeroOrDoNotIncrease() {
    assertThatThrownBy(() -> BalanceRanges.of(10, 100)).hasMessageContaining("start at 0");
    assertThatThrownBy(() -> BalanceRanges.of(0, 100, 100)).hasMessageContaining("increase");
  }

  @Test
  void movesAUserBetweenRangesOnlyWhenItsBalanceCrossesABoundAndTheOutstandingPointsAlways() {
    var firstSeen = new java.util.HashMap<String, Long>();
    Contribution.moveUser(firstSeen, null, 150, ranges);
    var sameRange = new java.util.HashMap<String, Long>();
    Contribution.moveUser(sameRange, 150L, 160L, ranges);
    var crossed = new java.util.HashMap<String, Long>();
    Contribution.moveUser(crossed, 160L, 40L, ranges);

    assertThat(firstSeen)
        .containsEntry("histogram.100", 1L)
        .containsEntry("users", 1L)
        .containsEntry("outstandingPoints", 150L);
    assertThat(sameRange).containsExactly(java.util.Map.entry("outstandingPoints", 10L));
    assertThat(crossed)
        .containsEntry("histogram.100", -1L)
        .containsEntry("histogram.0", 1L)
        .containsEntry("outstandingPoints", -120L);
  }
}
