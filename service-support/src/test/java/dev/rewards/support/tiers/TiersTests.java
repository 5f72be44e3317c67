package dev.rewards.support.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiersTests {

  private final Tiers tiers = Tiers.parse(Tiers.DEFAULT);

  @Test
  void aUserIsInTheHighestTierTheirLifetimePointsReach() {
    assertThat(tiers.tierOf(0)).isEqualTo("bronze");
    assertThat(tiers.tierOf(999)).isEqualTo("bronze");
    assertThat(tiers.tierOf(1000)).isEqualTo("silver");
    assertThat(tiers.tierOf(4999)).isEqualTo("silver");
    assertThat(tiers.tierOf(5000)).isEqualTo("gold");
    assertThat(tiers.tierOf(Long.MAX_VALUE)).isEqualTo("gold");
  }

  @Test
  void listsTheTiersLowestFirst() {
    assertThat(tiers.ascending())
        .extracting(Tiers.Tier::name, Tiers.Tier::minLifetimePoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bronze", 0L),
            org.assertj.core.groups.Tuple.tuple("silver", 1000L),
            org.assertj.core.groups.Tuple.tuple("gold", 5000L));
  }

  @Test
  void acceptsSpacesAroundTheParts() {
    assertThat(Tiers.parse(" basic : 0 , plus:10 ").tierOf(10)).isEqualTo("plus");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bronze:10,silver:1000",
        "bronze:0,silver:1000,gold:500",
        "bronze:0,bronze:100",
        "bronze:0,silver",
        "bronze:0,silver:lots",
        "bronze:0,:100",
        "bronze:0,sil ver:100"
      })
  void refusesASettingThatIsNotAscendingNamedPairsFromZeroSayingWhatIsExpected(String spec) {
    assertThatThrownBy(() -> Tiers.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REWARDS_TIERS")
        .hasMessageContaining(Tiers.DEFAULT);
  }
}
