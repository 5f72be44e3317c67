package dev.rewards.notifier.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.support.tiers.Tiers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an outcome event into the WebSocket frames of the contract, {@code {"event", "data"}}. Each
 * frame names the {@code commandId} it answers and the {@code eventId} it came from.
 */
public final class EventFrames {

  private final JsonMapper json;
  private final Tiers tiers;

  public EventFrames(JsonMapper json, Tiers tiers) {
    this.json = json;
    this.tiers = tiers;
  }

  public List<String> of(RewardsEvent event) {
    return event.accept(frames);
  }

  private final RewardsEvent.Visitor<List<String>> frames =
      new RewardsEvent.Visitor<>() {
        @Override
        public List<String> pointsEarned(PointsEarned earned) {
          return withTierChange(
              earned,
              earned.lifetimePoints(),
              earned.points(),
              pointsUpdated(earned, earned.newBalance(), earned.points(), "EARN"));
        }

        @Override
        public List<String> rewardRedeemed(RewardRedeemed redeemed) {
          return List.of(
              pointsUpdated(
                  redeemed, redeemed.remainingPoints(), -redeemed.pointsRedeemed(), "REDEEM"),
              frame(
                  "rewardRedeemed",
                  new Redeemed(
                      redeemed.userId(),
                      redeemed.commandId(),
                      redeemed.eventId(),
                      new Reward(
                          redeemed.redemptionId(),
                          redeemed.pointsRedeemed(),
                          redeemed.rewardType(),
                          redeemed.value(),
                          redeemed.occurredAt(),
                          redeemed.remainingPoints()),
                      redeemed.holdId())));
        }

        @Override
        public List<String> redemptionRejected(RedemptionRejected rejected) {
          return List.of(
              frame(
                  "redemptionRejected",
                  new Rejected(
                      rejected.userId(),
                      rejected.commandId(),
                      rejected.eventId(),
                      rejected.reason(),
                      rejected.requiredPoints(),
                      rejected.availablePoints(),
                      rejected.occurredAt())));
        }

        @Override
        public List<String> commandRejected(CommandRejected rejected) {
          return List.of(
              frame(
                  "commandRejected",
                  new CommandRefused(
                      rejected.userId(),
                      rejected.commandId(),
                      rejected.eventId(),
                      rejected.commandType(),
                      rejected.reason(),
                      rejected.field(),
                      rejected.detail(),
                      rejected.occurredAt())));
        }

        @Override
        public List<String> pointsAdjusted(PointsAdjusted adjusted) {
          return List.of(
              pointsUpdated(adjusted, adjusted.newBalance(), adjusted.delta(), "ADJUST"));
        }

        @Override
        public List<String> pointsReversed(PointsReversed reversed) {
          return withTierChange(
              reversed,
              reversed.lifetimePoints(),
              -reversed.pointsReversed(),
              pointsUpdated(reversed, reversed.newBalance(), -reversed.pointsReversed(), "REFUND"),
              frame(
                  "pointsReversed",
                  new Reversed(
                      reversed.userId(),
                      reversed.commandId(),
                      reversed.eventId(),
                      reversed.purchaseCommandId(),
                      reversed.refundedAmount(),
                      reversed.pointsReversed(),
                      reversed.debt(),
                      reversed.reason(),
                      reversed.newBalance(),
                      reversed.occurredAt())));
        }

        @Override
        public List<String> pointsHeld(PointsHeld held) {
          return List.of(
              frame(
                  "pointsHeld",
                  new Held(
                      held.userId(),
                      held.commandId(),
                      held.eventId(),
                      held.holdId(),
                      held.points(),
                      held.rewardType(),
                      held.expiresAt(),
                      held.availablePoints(),
                      held.newBalance(),
                      held.occurredAt())));
        }

        @Override
        public List<String> holdReleased(HoldReleased released) {
          return List.of(
              frame(
                  "holdReleased",
                  new Released(
                      released.userId(),
                      released.commandId(),
                      released.eventId(),
                      released.holdId(),
                      released.points(),
                      released.cause(),
                      released.availablePoints(),
                      released.newBalance(),
                      released.occurredAt())));
        }

        @Override
        public List<String> pointsExpired(PointsExpired expired) {
          if (expired.points() == 0) {
            return List.of(); // nothing was due any more: no balance changed
          }
          return List.of(
              pointsUpdated(expired, expired.newBalance(), -expired.points(), "EXPIRE"),
              frame(
                  "pointsExpired",
                  new Expired(
                      expired.userId(),
                      expired.commandId(),
                      expired.eventId(),
                      expired.points(),
                      expired.lots(),
                      expired.newBalance(),
                      expired.occurredAt())));
        }

        @Override
        public List<String> redemptionCancelled(RedemptionCancelled cancelled) {
          return List.of(
              pointsUpdated(
                  cancelled,
                  cancelled.newBalance(),
                  cancelled.pointsRestored(),
                  "REDEMPTION_CANCELLED"),
              frame(
                  "redemptionCancelled",
                  new Cancelled(
                      cancelled.userId(),
                      cancelled.commandId(),
                      cancelled.eventId(),
                      cancelled.redemptionCommandId(),
                      cancelled.rewardType(),
                      cancelled.pointsRestored(),
                      cancelled.pointsExpiredMeanwhile(),
                      cancelled.reason(),
                      cancelled.newBalance(),
                      cancelled.occurredAt())));
        }
      };

  /**
   * The frames, then {@code tierChanged} if the change of lifetime points crossed a tier bound.
   *
   * @param lifetimeAfter the lifetime points the event announces (null: not announced, no frame)
   * @param lifetimeDelta how much the event moved them
   */
  private List<String> withTierChange(
      RewardsEvent event, Long lifetimeAfter, long lifetimeDelta, String... frames) {
    List<String> all = new java.util.ArrayList<>(List.of(frames));
    if (lifetimeAfter != null) {
      String from = tiers.tierOf(lifetimeAfter - lifetimeDelta);
      String to = tiers.tierOf(lifetimeAfter);
      if (!from.equals(to)) {
        all.add(
            frame(
                "tierChanged",
                new TierChanged(
                    event.userId(),
                    from,
                    to,
                    lifetimeAfter,
                    event.commandId(),
                    event.eventId(),
                    event.occurredAt())));
      }
    }
    return all;
  }

  /** {@code pointsUpdated}: the frame every balance change gets, whatever its kind. */
  private String pointsUpdated(RewardsEvent event, long totalPoints, long delta, String reason) {
    return frame(
        "pointsUpdated",
        new PointsUpdated(
            event.userId(),
            totalPoints,
            delta,
            reason,
            event.commandId(),
            event.eventId(),
            event.occurredAt()));
  }

  private String frame(String name, Object data) {
    return json.writeValueAsString(new Frame(name, data));
  }

  record Frame(String event, Object data) {}

  record PointsUpdated(
      String userId,
      long totalPoints,
      long delta,
      String reason,
      UUID commandId,
      UUID eventId,
      Instant occurredAt) {}

  /** {@code rewardRedeemed}; {@code holdId} names the hold a capture redeemed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Redeemed(String userId, UUID commandId, UUID eventId, Reward reward, UUID holdId) {}

  record Reward(
      UUID id,
      long pointsRedeemed,
      String rewardType,
      BigDecimal value,
      Instant timestamp,
      long remainingPoints) {}

  record Rejected(
      String userId,
      UUID commandId,
      UUID eventId,
      String reason,
      long requiredPoints,
      long availablePoints,
      Instant occurredAt) {}

  /** {@code pointsHeld}: points reserved at checkout; the balance keeps them, unavailable. */
  record Held(
      String userId,
      UUID commandId,
      UUID eventId,
      UUID holdId,
      long points,
      String rewardType,
      Instant expiresAt,
      long availablePoints,
      long totalPoints,
      Instant occurredAt) {}

  /** {@code holdReleased}: a hold voided or expired; its points are available again. */
  record Released(
      String userId,
      UUID commandId,
      UUID eventId,
      UUID holdId,
      long points,
      String cause,
      long availablePoints,
      long totalPoints,
      Instant occurredAt) {}

  /** {@code pointsExpired}: unspent points of lots past their expiry left the balance. */
  record Expired(
      String userId,
      UUID commandId,
      UUID eventId,
      long points,
      List<PointsExpired.ExpiredLot> lots,
      long newBalance,
      Instant occurredAt) {}

  /** {@code tierChanged}: the user's lifetime points moved them to another tier. */
  record TierChanged(
      String userId,
      String from,
      String to,
      long lifetimePoints,
      UUID commandId,
      UUID eventId,
      Instant occurredAt) {}

  /** {@code pointsReversed}: a refund took a purchase's points back out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Reversed(
      String userId,
      UUID commandId,
      UUID eventId,
      UUID purchaseCommandId,
      BigDecimal refundedAmount,
      long pointsReversed,
      long debt,
      String reason,
      long newBalance,
      Instant occurredAt) {}

  /** {@code redemptionCancelled}: a redemption's points went back into their lots. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Cancelled(
      String userId,
      UUID commandId,
      UUID eventId,
      UUID redemptionCommandId,
      String rewardType,
      long pointsRestored,
      long pointsExpiredMeanwhile,
      String reason,
      long newBalance,
      Instant occurredAt) {}

  /** {@code commandRejected}: a command that was not applied and never will be. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CommandRefused(
      String userId,
      UUID commandId,
      UUID eventId,
      String type,
      String reason,
      String field,
      String detail,
      Instant occurredAt) {}
}
