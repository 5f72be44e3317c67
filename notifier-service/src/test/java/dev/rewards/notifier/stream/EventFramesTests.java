package dev.rewards.notifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventFramesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private final EventFrames frames =
      new EventFrames(
          JSON, dev.rewards.support.tiers.Tiers.parse(dev.rewards.support.tiers.Tiers.DEFAULT));
  private final UUID commandId = UUID.randomUUID();

  @Test
  void pointsEarnedBecomesPointsUpdatedWithThePositiveDelta() {
    List<JsonNode> out =
        parse(
            frames.of(
                new PointsEarned(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    UUID.randomUUID(),
                    50,
                    "shopping",
                    new BigDecimal("100.00"),
                    AT,
                    465,
                    AT)));

    assertThat(out).hasSize(1);
    JsonNode data = out.get(0).path("data");
    assertThat(out.get(0).path("event").asString()).isEqualTo("pointsUpdated");
    assertThat(data.path("userId").asString()).isEqualTo("u1");
    assertThat(data.path("totalPoints").asLong()).isEqualTo(465);
    assertThat(data.path("delta").asLong()).isEqualTo(50);
    assertThat(data.path("reason").asString()).isEqualTo("EARN");
    assertThat(data.path("commandId").asString()).isEqualTo(commandId.toString());
    assertThat(data.path("occurredAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void anEarnThatCrossesATierBoundAlsoBecomesTierChanged() {
    List<JsonNode> crossing = parse(frames.of(earned(300, 1_100L)));
    List<JsonNode> within = parse(frames.of(earned(50, 1_150L)));
    List<JsonNode> unannounced = parse(frames.of(earned(5_000, null)));

    assertThat(crossing)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "tierChanged");
    JsonNode change = crossing.get(1).path("data");
    assertThat(change.path("from").asString()).isEqualTo("bronze");
    assertThat(change.path("to").asString()).isEqualTo("silver");
    assertThat(change.path("lifetimePoints").asLong()).isEqualTo(1_100);
    assertThat(change.path("userId").asString()).isEqualTo("u1");
    assertThat(within).extracting(f -> f.path("event").asString()).containsExactly("pointsUpdated");
    assertThat(unannounced)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated");
  }

  @Test
  void aRefundThatTakesLifetimePointsBelowATierBoundChangesTheTierDown() {
    List<JsonNode> out =
        parse(
            frames.of(
                new PointsReversed(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    UUID.randomUUID(),
                    "shopping",
                    new BigDecimal("10"),
                    new BigDecimal("10"),
                    200,
                    0,
                    null,
                    900,
                    AT,
                    900L)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "pointsReversed", "tierChanged");
    assertThat(out.get(2).path("data").path("from").asString()).isEqualTo("silver");
    assertThat(out.get(2).path("data").path("to").asString()).isEqualTo("bronze");
  }

  @Test
  void anExpiryBecomesPointsUpdatedWithReasonExpireThenPointsExpiredButNothingWhenNothingExpired() {
    Instant earnedAt = Instant.parse("2025-01-02T03:04:05Z");
    List<JsonNode> out =
        parse(
            frames.of(
                new PointsExpired(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    40,
                    List.of(new PointsExpired.ExpiredLot(earnedAt, AT, 40)),
                    60,
                    AT)));
    List<JsonNode> nothing =
        parse(
            frames.of(new PointsExpired(UUID.randomUUID(), commandId, "u1", 0, List.of(), 60, AT)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "pointsExpired");
    assertThat(out.get(0).path("data").path("delta").asLong()).isEqualTo(-40);
    assertThat(out.get(0).path("data").path("reason").asString()).isEqualTo("EXPIRE");
    JsonNode expired = out.get(1).path("data");
    assertThat(expired.path("points").asLong()).isEqualTo(40);
    assertThat(expired.path("newBalance").asLong()).isEqualTo(60);
    assertThat(expired.path("lots").get(0).path("earnedAt").asString())
        .isEqualTo("2025-01-02T03:04:05Z");
    assertThat(expired.path("lots").get(0).path("points").asLong()).isEqualTo(40);
    assertThat(nothing).isEmpty();
  }

  @Test
  void aHoldAndItsReleaseBecomeTheirOwnFramesWithTheAvailablePoints() {
    UUID holdId = UUID.randomUUID();
    List<JsonNode> held =
        parse(
            frames.of(
                new PointsHeld(
                    UUID.randomUUID(), commandId, "u1", holdId, 500, "voucher", AT, 200, 700, AT)));
    List<JsonNode> released =
        parse(
            frames.of(
                new HoldReleased(
                    UUID.randomUUID(), commandId, "u1", holdId, 500, "EXPIRED", 700, 700, AT)));

    assertThat(held).extracting(f -> f.path("event").asString()).containsExactly("pointsHeld");
    assertThat(held.get(0).path("data").path("holdId").asString()).isEqualTo(holdId.toString());
    assertThat(held.get(0).path("data").path("availablePoints").asLong()).isEqualTo(200);
    assertThat(held.get(0).path("data").path("totalPoints").asLong()).isEqualTo(700);
    assertThat(released)
        .extracting(f -> f.path("event").asString())
        .containsExactly("holdReleased");
    assertThat(released.get(0).path("data").path("cause").asString()).isEqualTo("EXPIRED");
  }

  @Test
  void aCaptureIsARewardRedeemedFrameNamingItsHold() {
    UUID holdId = UUID.randomUUID();
    List<JsonNode> out =
        parse(
            frames.of(
                new RewardRedeemed(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    UUID.randomUUID(),
                    400,
                    "voucher",
                    new BigDecimal("4.00"),
                    300,
                    AT,
                    holdId,
                    100)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "rewardRedeemed");
    assertThat(out.get(1).path("data").path("holdId").asString()).isEqualTo(holdId.toString());
  }

  private PointsEarned earned(long points, Long lifetimeAfter) {
    return new PointsEarned(
        UUID.randomUUID(),
        commandId,
        "u1",
        UUID.randomUUID(),
        points,
        "shopping",
        BigDecimal.TEN,
        AT,
        lifetimeAfter == null ? points : lifetimeAfter,
        AT,
        lifetimeAfter);
  }

  @Test
  void anAdjustmentBecomesPointsUpdatedWithItsSignedDeltaAndReasonAdjust() {
    List<JsonNode> out =
        parse(
            frames.of(
                new dev.rewards.contracts.PointsAdjusted(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    UUID.randomUUID(),
                    -30,
                    "support fix",
                    "admin",
                    70,
                    AT)));

    assertThat(out).hasSize(1);
    JsonNode data = out.get(0).path("data");
    assertThat(out.get(0).path("event").asString()).isEqualTo("pointsUpdated");
    assertThat(data.path("delta").asLong()).isEqualTo(-30);
    assertThat(data.path("totalPoints").asLong()).isEqualTo(70);
    assertThat(data.path("reason").asString()).isEqualTo("ADJUST");
  }

  @Test
  void aRefundBecomesPointsUpdatedWithReasonRefundThenPointsReversed() {
    UUID purchase = UUID.randomUUID();
    List<JsonNode> out =
        parse(
            frames.of(
                new PointsReversed(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    purchase,
                    "shopping",
                    new BigDecimal("20.00"),
                    new BigDecimal("20.00"),
                    10,
                    4,
                    "returned",
                    -4,
                    AT,
                    null)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "pointsReversed");
    assertThat(out.get(0).path("data").path("delta").asLong()).isEqualTo(-10);
    assertThat(out.get(0).path("data").path("totalPoints").asLong()).isEqualTo(-4);
    assertThat(out.get(0).path("data").path("reason").asString()).isEqualTo("REFUND");
    JsonNode reversed = out.get(1).path("data");
    assertThat(reversed.path("purchaseCommandId").asString()).isEqualTo(purchase.toString());
    assertThat(reversed.path("refundedAmount").decimalValue()).isEqualByComparingTo("20");
    assertThat(reversed.path("pointsReversed").asLong()).isEqualTo(10);
    assertThat(reversed.path("debt").asLong()).isEqualTo(4);
    assertThat(reversed.path("newBalance").asLong()).isEqualTo(-4);
  }

  @Test
  void aCancellationBecomesPointsUpdatedWithTheRestoredPointsThenRedemptionCancelled() {
    UUID redemption = UUID.randomUUID();
    List<JsonNode> out =
        parse(
            frames.of(
                new RedemptionCancelled(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    redemption,
                    "voucher",
                    500,
                    450,
                    50,
                    null,
                    465,
                    AT)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "redemptionCancelled");
    assertThat(out.get(0).path("data").path("delta").asLong()).isEqualTo(450);
    assertThat(out.get(0).path("data").path("reason").asString()).isEqualTo("REDEMPTION_CANCELLED");
    JsonNode cancelled = out.get(1).path("data");
    assertThat(cancelled.path("redemptionCommandId").asString()).isEqualTo(redemption.toString());
    assertThat(cancelled.path("pointsRestored").asLong()).isEqualTo(450);
    assertThat(cancelled.path("pointsExpiredMeanwhile").asLong()).isEqualTo(50);
    assertThat(cancelled.has("reason")).as("absent, not null").isFalse();
  }

  @Test
  void rewardRedeemedBecomesPointsUpdatedThenRewardRedeemed() {
    UUID redemptionId = UUID.randomUUID();
    List<JsonNode> out =
        parse(
            frames.of(
                new RewardRedeemed(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    redemptionId,
                    500,
                    "voucher",
                    new BigDecimal("5.00"),
                    15,
                    AT)));

    assertThat(out)
        .extracting(f -> f.path("event").asString())
        .containsExactly("pointsUpdated", "rewardRedeemed");
    assertThat(out.get(0).path("data").path("delta").asLong()).isEqualTo(-500);
    assertThat(out.get(0).path("data").path("reason").asString()).isEqualTo("REDEEM");
    JsonNode reward = out.get(1).path("data").path("reward");
    assertThat(out.get(1).path("data").path("commandId").asString())
        .isEqualTo(commandId.toString());
    assertThat(reward.path("id").asString()).isEqualTo(redemptionId.toString());
    assertThat(reward.path("pointsRedeemed").asLong()).isEqualTo(500);
    assertThat(reward.path("rewardType").asString()).isEqualTo("voucher");
    assertThat(reward.path("value").decimalValue()).isEqualByComparingTo("5");
    assertThat(reward.path("timestamp").asString()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(reward.path("remainingPoints").asLong()).isEqualTo(15);
  }

  @Test
  void redemptionRejectedNamesWhatWasMissing() {
    List<JsonNode> out =
        parse(
            frames.of(
                new RedemptionRejected(
                    UUID.randomUUID(),
                    commandId,
                    "u1",
                    RedemptionRejected.INSUFFICIENT_POINTS,
                    1000,
                    415,
                    AT)));

    JsonNode data = out.get(0).path("data");
    assertThat(out.get(0).path("event").asString()).isEqualTo("redemptionRejected");
    assertThat(data.path("reason").asString()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(data.path("requiredPoints").asLong()).isEqualTo(1000);
    assertThat(data.path("availablePoints").asLong()).isEqualTo(415);
    assertThat(data.path("commandId").asString()).isEqualTo(commandId.toString());
  }

  private static List<JsonNode> parse(List<String> frames) {
    return frames.stream().map(JSON::readTree).toList();
  }
}
