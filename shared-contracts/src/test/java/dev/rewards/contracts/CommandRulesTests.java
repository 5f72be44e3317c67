package dev.rewards.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandRulesTests {

  private static final Instant ACCEPTED = Instant.parse("2024-06-01T12:00:00Z");

  @ParameterizedTest(name = "purchased {0}: {1}")
  @CsvSource({
    "2000-01-01T00:00:00Z, ",
    "1999-12-31T23:59:59.999Z, purchasedAt",
    "2024-06-02T12:00:00Z, ",
    "2024-06-02T12:00:00.001Z, purchasedAt",
    "+999999999-01-01T00:00:00Z, purchasedAt",
    "-1000000000-01-01T00:00:00Z, purchasedAt",
  })
  void datesAPurchaseFrom2000ToADayAfterItsAcceptance(String purchasedAt, String field) {
    EarnPoints earn = earn(5, "1.00", Instant.parse(purchasedAt), ACCEPTED);

    assertThat(fieldAtFault(earn)).isEqualTo(Optional.ofNullable(field));
  }

  @ParameterizedTest(name = "{0} points, amount {1}: {2}")
  @CsvSource({
    "1, 0.01, ",
    "1000000000, 1000000000, ",
    "0, 1, points",
    "-1, 1, points",
    "1000000001, 1, points",
    "5, 0, amount",
    "5, 0.001, amount",
    "5, 1000000000.01, amount",
    "5, 1E+400, amount",
    "5, 1.100, ",
  })
  void boundsAnEarnsPointsAndAmount(long points, String amount, String field) {
    assertThat(fieldAtFault(earn(points, amount, ACCEPTED, ACCEPTED)))
        .isEqualTo(Optional.ofNullable(field));
  }

  @Test
  void refusesAMalformedUserAndAnAcceptanceTimeOutsideTheCentury() {
    EarnPoints badUser =
        new EarnPoints(UUID.randomUUID(), "a/b", 5, "x", BigDecimal.ONE, ACCEPTED, ACCEPTED);
    Instant late = CommandRules.LATEST;

    assertThat(fieldAtFault(badUser)).contains("userId");
    assertThat(fieldAtFault(earn(5, "1", late, late))).contains("occurredAt");
  }

  @Test
  void letsARedemptionBeWorthNothingButNotLessOrMoreThanTwoDecimals() {
    assertThat(fieldAtFault(redeem(500, "0"))).isEmpty();
    assertThat(fieldAtFault(redeem(500, "-0.01"))).contains("value");
    assertThat(fieldAtFault(redeem(500, "5.001"))).contains("value");
    assertThat(fieldAtFault(redeem(CommandRules.MAX_REDEEM_POINTS + 1, "5")))
        .contains("pointsToRedeem");
  }

  @Test
  void refusesBlankAndOverlongTexts() {
    EarnPoints blank =
        new EarnPoints(UUID.randomUUID(), "u", 5, " ", BigDecimal.ONE, ACCEPTED, ACCEPTED);
    RedeemPoints overlong =
        new RedeemPoints(UUID.randomUUID(), "u", 5, "r".repeat(51), BigDecimal.ONE, ACCEPTED);

    assertThat(fieldAtFault(blank)).contains("category");
    assertThat(fieldAtFault(overlong)).contains("rewardType");
  }

  @Test
  void anAdjustmentMovesAtMostAMillionPointsEitherWayAndNamesItsReasonAndActor() {
    assertThat(fieldAtFault(adjust(-1_000_000, "fix", "admin"))).isEmpty();
    assertThat(fieldAtFault(adjust(0, "fix", "admin"))).contains("points");
    assertThat(fieldAtFault(adjust(1_000_001, "fix", "admin"))).contains("points");
    assertThat(fieldAtFault(adjust(5, " ", "admin"))).contains("reason");
    assertThat(fieldAtFault(adjust(5, "r".repeat(201), "admin"))).contains("reason");
    assertThat(fieldAtFault(adjust(5, "fix", null))).contains("actor");
  }

  @Test
  void anEarnsOwnExpiryLiesAfterItsAcceptanceAndAtMostTenYearsAhead() {
    assertThat(fieldAtFault(earnExpiring(ACCEPTED.plusSeconds(1)))).isEmpty();
    assertThat(fieldAtFault(earnExpiring(ACCEPTED.plus(Duration.ofDays(3653))))).isEmpty();
    assertThat(fieldAtFault(earnExpiring(ACCEPTED))).contains("expiresAt");
    assertThat(fieldAtFault(earnExpiring(ACCEPTED.plus(Duration.ofDays(3654)))))
        .contains("expiresAt");
  }

  @Test
  void anExpiryIsDatedInTheCentury() {
    assertThat(fieldAtFault(new ExpirePoints(UUID.randomUUID(), "u", ACCEPTED, ACCEPTED)))
        .isEmpty();
    assertThat(fieldAtFault(new ExpirePoints(UUID.randomUUID(), "u", null, ACCEPTED)))
        .contains("asOf");
  }

  private static EarnPoints earnExpiring(Instant expiresAt) {
    return new EarnPoints(
        UUID.randomUUID(), "u", 5, "shopping", BigDecimal.ONE, ACCEPTED, ACCEPTED, null, expiresAt);
  }

  private static AdjustPoints adjust(long points, String reason, String actor) {
    return new AdjustPoints(UUID.randomUUID(), "u", points, reason, actor, ACCEPTED);
  }

  private static Optional<String> fieldAtFault(RewardsCommand command) {
    return CommandRules.firstViolation(command).map(CommandRules.Violation::field);
  }

  private static EarnPoints earn(long points, String amount, Instant purchasedAt, Instant at) {
    return new EarnPoints(
        UUID.randomUUID(), "u", points, "shopping", new BigDecimal(amount), purchasedAt, at);
  }

  private static RedeemPoints redeem(long points, String value) {
    return new RedeemPoints(
        UUID.randomUUID(), "u", points, "voucher", new BigDecimal(value), ACCEPTED);
  }
}
