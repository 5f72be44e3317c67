package dev.rewards.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/** The outcome of one command, published by ledger-worker exactly once per command. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PointsEarned.class, name = "PointsEarned"),
  @JsonSubTypes.Type(value = RewardRedeemed.class, name = "RewardRedeemed"),
  @JsonSubTypes.Type(value = RedemptionRejected.class, name = "RedemptionRejected"),
  @JsonSubTypes.Type(value = CommandRejected.class, name = "CommandRejected"),
  @JsonSubTypes.Type(value = PointsAdjusted.class, name = "PointsAdjusted"),
  @JsonSubTypes.Type(value = PointsReversed.class, name = "PointsReversed"),
  @JsonSubTypes.Type(value = RedemptionCancelled.class, name = "RedemptionCancelled"),
  @JsonSubTypes.Type(value = PointsExpired.class, name = "PointsExpired"),
  @JsonSubTypes.Type(value = PointsHeld.class, name = "PointsHeld"),
  @JsonSubTypes.Type(value = HoldReleased.class, name = "HoldReleased")
})
public sealed interface RewardsEvent
    permits PointsEarned,
        RewardRedeemed,
        RedemptionRejected,
        CommandRejected,
        PointsAdjusted,
        PointsReversed,
        RedemptionCancelled,
        PointsExpired,
        PointsHeld,
        HoldReleased {

  /** Derived from the commandId, so a re-published outcome keeps its id and can be deduplicated. */
  UUID eventId();

  /** The command this event answers. */
  UUID commandId();

  String userId();

  /** When the outcome was decided. */
  Instant occurredAt();

  /** The eventId of the outcome of a command: stable across re-publication. */
  static UUID idFor(UUID commandId) {
    return StableIds.derive("event", commandId);
  }

  /** Whether this outcome says the command was not applied (its status is REJECTED). */
  @JsonIgnore
  boolean rejectsItsCommand();

  /** Calls the visitor's method for this kind of event. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of outcome. Code that treats kinds differently implements it instead of
   * testing types, so a new kind of event does not compile until every such place handles it.
   */
  interface Visitor<R> {
    R pointsEarned(PointsEarned event);

    R rewardRedeemed(RewardRedeemed event);

    R redemptionRejected(RedemptionRejected event);

    R commandRejected(CommandRejected event);

    R pointsAdjusted(PointsAdjusted event);

    R pointsReversed(PointsReversed event);

    R redemptionCancelled(RedemptionCancelled event);

    R pointsExpired(PointsExpired event);

    R pointsHeld(PointsHeld event);

    R holdReleased(HoldReleased event);
  }
}
