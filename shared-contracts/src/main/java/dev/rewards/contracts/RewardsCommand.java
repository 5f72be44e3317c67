package dev.rewards.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/** A request to change a balance: accepted by api-service, applied once by ledger-worker. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EarnPoints.class, name = "EarnPoints"),
  @JsonSubTypes.Type(value = RedeemPoints.class, name = "RedeemPoints"),
  @JsonSubTypes.Type(value = AdjustPoints.class, name = "AdjustPoints"),
  @JsonSubTypes.Type(value = RefundPurchase.class, name = "RefundPurchase"),
  @JsonSubTypes.Type(value = CancelRedemption.class, name = "CancelRedemption"),
  @JsonSubTypes.Type(value = ExpirePoints.class, name = "ExpirePoints"),
  @JsonSubTypes.Type(value = HoldPoints.class, name = "HoldPoints"),
  @JsonSubTypes.Type(value = CaptureHold.class, name = "CaptureHold"),
  @JsonSubTypes.Type(value = ReleaseHold.class, name = "ReleaseHold")
})
public sealed interface RewardsCommand
    permits EarnPoints,
        RedeemPoints,
        AdjustPoints,
        RefundPurchase,
        CancelRedemption,
        ExpirePoints,
        HoldPoints,
        CaptureHold,
        ReleaseHold {

  /** Identifies the command end to end; every outcome event names it. */
  UUID commandId();

  /** The account the command applies to; also the Kafka key, so one user's commands keep order. */
  String userId();

  /** When api-service accepted the command. */
  Instant occurredAt();

  /**
   * The command's kind as the status endpoint and rejections name it: EARN, REDEEM, ADJUST, REFUND,
   * CANCEL_REDEMPTION, EXPIRE, HOLD, CAPTURE, RELEASE_HOLD.
   */
  @JsonIgnore
  String commandType();

  /** Calls the visitor's method for this kind of command. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of command. Code that treats kinds differently implements it instead of
   * testing types, so a new kind of command does not compile until every such place handles it.
   */
  interface Visitor<R> {
    R earn(EarnPoints earn);

    R redeem(RedeemPoints redeem);

    R adjust(AdjustPoints adjust);

    R refund(RefundPurchase refund);

    R cancelRedemption(CancelRedemption cancel);

    R expire(ExpirePoints expire);

    R hold(HoldPoints hold);

    R capture(CaptureHold capture);

    R release(ReleaseHold release);
  }
}
