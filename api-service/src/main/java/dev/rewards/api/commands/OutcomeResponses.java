package dev.rewards.api.commands;

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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The seed-compatible answers for an outcome that arrived while the client waited. */
final class OutcomeResponses {

  private OutcomeResponses() {}

  static ResponseEntity<Object> of(RewardsEvent event) {
    return event.accept(ANSWERS);
  }

  private static final RewardsEvent.Visitor<ResponseEntity<Object>> ANSWERS =
      new RewardsEvent.Visitor<>() {
        @Override
        public ResponseEntity<Object> pointsEarned(PointsEarned earned) {
          return OutcomeResponses.pointsEarned(earned);
        }

        @Override
        public ResponseEntity<Object> rewardRedeemed(RewardRedeemed redeemed) {
          return OutcomeResponses.rewardRedeemed(redeemed);
        }

        @Override
        public ResponseEntity<Object> redemptionRejected(RedemptionRejected refused) {
          return OutcomeResponses.redemptionRejected(refused);
        }

        @Override
        public ResponseEntity<Object> commandRejected(CommandRejected rejected) {
          return OutcomeResponses.commandRejected(rejected);
        }

        @Override
        public ResponseEntity<Object> pointsAdjusted(PointsAdjusted adjusted) {
          Map<String, Object> adjustment = new LinkedHashMap<>();
          adjustment.put("id", adjusted.adjustmentId());
          adjustment.put("delta", adjusted.delta());
          adjustment.put("reason", adjusted.reason());
          adjustment.put("actor", adjusted.actor());
          adjustment.put("timestamp", adjusted.occurredAt());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Points adjusted");
          body.put("commandId", adjusted.commandId());
          body.put("adjustment", adjustment);
          body.put("newBalance", adjusted.newBalance());
          return ResponseEntity.ok(body);
        }

        @Override
        public ResponseEntity<Object> pointsReversed(PointsReversed reversed) {
          Map<String, Object> refund = new LinkedHashMap<>();
          refund.put("purchaseCommandId", reversed.purchaseCommandId());
          refund.put("refundedAmount", reversed.refundedAmount());
          refund.put("totalRefundedAmount", reversed.totalRefundedAmount());
          refund.put("pointsReversed", reversed.pointsReversed());
          refund.put("reason", reversed.reason());
          refund.put("timestamp", reversed.occurredAt());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Refund applied");
          body.put("commandId", reversed.commandId());
          body.put("refund", refund);
          body.put("newBalance", reversed.newBalance());
          body.put("debt", reversed.debt());
          return ResponseEntity.ok(body);
        }

        @Override
        public ResponseEntity<Object> pointsExpired(PointsExpired expired) {
          // the ledger schedules expiries itself; no client waits on one, but its status reads so
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Points expired");
          body.put("commandId", expired.commandId());
          body.put("points", expired.points());
          body.put("lots", expired.lots());
          body.put("newBalance", expired.newBalance());
          return ResponseEntity.ok(body);
        }

        @Override
        public ResponseEntity<Object> pointsHeld(PointsHeld held) {
          Map<String, Object> hold = new LinkedHashMap<>();
          hold.put("holdId", held.holdId());
          hold.put("points", held.points());
          hold.put("rewardType", held.rewardType());
          hold.put("expiresAt", held.expiresAt());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Points held");
          body.put("commandId", held.commandId());
          body.put("hold", hold);
          body.put("availablePoints", held.availablePoints());
          body.put("totalPoints", held.newBalance());
          return ResponseEntity.ok(body);
        }

        @Override
        public ResponseEntity<Object> holdReleased(HoldReleased released) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Hold released");
          body.put("commandId", released.commandId());
          body.put("holdId", released.holdId());
          body.put("points", released.points());
          body.put("cause", released.cause());
          body.put("availablePoints", released.availablePoints());
          body.put("totalPoints", released.newBalance());
          return ResponseEntity.ok(body);
        }

        @Override
        public ResponseEntity<Object> redemptionCancelled(RedemptionCancelled cancelled) {
          Map<String, Object> cancellation = new LinkedHashMap<>();
          cancellation.put("redemptionCommandId", cancelled.redemptionCommandId());
          cancellation.put("rewardType", cancelled.rewardType());
          cancellation.put("pointsRedeemed", cancelled.pointsRedeemed());
          cancellation.put("pointsRestored", cancelled.pointsRestored());
          cancellation.put("pointsExpiredMeanwhile", cancelled.pointsExpiredMeanwhile());
          cancellation.put("reason", cancelled.reason());
          cancellation.put("timestamp", cancelled.occurredAt());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", "Redemption cancelled");
          body.put("commandId", cancelled.commandId());
          body.put("cancellation", cancellation);
          body.put("newBalance", cancelled.newBalance());
          return ResponseEntity.ok(body);
        }
      };

  private static ResponseEntity<Object> pointsEarned(PointsEarned earned) {
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("id", earned.transactionId());
    transaction.put("pointsEarned", earned.points());
    transaction.put("category", earned.category());
    transaction.put("amount", earned.amount());
    transaction.put("timestamp", earned.purchasedAt());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Points added successfully");
    body.put("commandId", earned.commandId());
    body.put("transaction", transaction);
    body.put("newBalance", earned.newBalance());
    return ResponseEntity.ok(body);
  }

  private static ResponseEntity<Object> rewardRedeemed(RewardRedeemed redeemed) {
    Map<String, Object> redemption = new LinkedHashMap<>();
    redemption.put("id", redeemed.redemptionId());
    redemption.put("pointsRedeemed", redeemed.pointsRedeemed());
    redemption.put("rewardType", redeemed.rewardType());
    redemption.put("value", redeemed.value());
    redemption.put("timestamp", redeemed.occurredAt());
    redemption.put("remainingPoints", redeemed.remainingPoints());
    if (redeemed.holdId() != null) {
      redemption.put("holdId", redeemed.holdId());
      redemption.put("pointsReleased", redeemed.pointsReleased());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Reward redeemed successfully");
    body.put("commandId", redeemed.commandId());
    body.put("redemption", redemption);
    return ResponseEntity.ok(body);
  }

  private static ResponseEntity<Object> redemptionRejected(RedemptionRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Redeeming %d points needs more than the %d available"
                .formatted(rejected.requiredPoints(), rejected.availablePoints()));
    problem.setType(URI.create("/problems/insufficient-points"));
    problem.setTitle("Insufficient Points");
    problem.setProperty("commandId", rejected.commandId());
    problem.setProperty("reason", rejected.reason());
    problem.setProperty("requiredPoints", rejected.requiredPoints());
    problem.setProperty("availablePoints", rejected.availablePoints());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A command the ledger did not apply: 400 if it broke the command rules (naming the field) or a
   * debit the balance did not cover; 404 if it named no purchase or redemption of the user; 409 if
   * what it would correct is corrected already; 422 if it was dead-lettered (accepted, but never
   * applicable) or a refund exceeds its purchase.
   */
  private static ResponseEntity<Object> commandRejected(CommandRejected rejected) {
    Rejection answer =
        switch (rejected.reason()) {
          case CommandRejected.DEAD_LETTERED ->
              new Rejection(
                  HttpStatus.UNPROCESSABLE_CONTENT, "dead-lettered", "Command Not Applied");
          case CommandRejected.INSUFFICIENT_POINTS ->
              new Rejection(HttpStatus.BAD_REQUEST, "insufficient-points", "Insufficient Points");
          case CommandRejected.UNKNOWN_PURCHASE ->
              new Rejection(HttpStatus.NOT_FOUND, "unknown-purchase", "Unknown Purchase");
          case CommandRejected.UNKNOWN_REDEMPTION ->
              new Rejection(HttpStatus.NOT_FOUND, "unknown-redemption", "Unknown Redemption");
          case CommandRejected.NOTHING_TO_REFUND ->
              new Rejection(HttpStatus.CONFLICT, "nothing-to-refund", "Nothing To Refund");
          case CommandRejected.UNKNOWN_HOLD ->
              new Rejection(HttpStatus.NOT_FOUND, "unknown-hold", "Unknown Hold");
          case CommandRejected.HOLD_NOT_ACTIVE ->
              new Rejection(HttpStatus.CONFLICT, "hold-not-active", "Hold Not Active");
          case CommandRejected.ALREADY_CANCELLED ->
              new Rejection(HttpStatus.CONFLICT, "already-cancelled", "Already Cancelled");
          case CommandRejected.REFUND_EXCEEDS_PURCHASE ->
              new Rejection(
                  HttpStatus.UNPROCESSABLE_CONTENT,
                  "refund-exceeds-purchase",
                  "Refund Exceeds Purchase");
          default -> new Rejection(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid Command");
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer.status(), rejected.detail());
    problem.setType(URI.create("/problems/" + answer.slug()));
    problem.setTitle(answer.title());
    problem.setProperty("commandId", rejected.commandId());
    problem.setProperty("reason", rejected.reason());
    if (rejected.field() != null) {
      problem.setProperty("field", rejected.field());
    }
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private record Rejection(HttpStatus status, String slug, String title) {}
}
