package dev.rewards.ledger.rules;

import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.HoldPoints;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.StableIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Two-phase redemptions: a hold reserves points, a capture redeems them (all or part; the rest is
 * released), a void or the hold's expiry gives them back. Outcomes are decided with the change and
 * kept with it in the journal, like corrections', refusals included.
 */
final class Holds {

  private Holds() {}

  static Change hold(HoldPoints hold, Account account, Instant now) {
    if (account.available() < hold.points()) {
      return Refusals.refuse(
          hold,
          account,
          now,
          CommandRejected.INSUFFICIENT_POINTS,
          "points",
          "Holding %d points needs more than the %d available"
              .formatted(hold.points(), account.available()));
    }
    Change change =
        account.hold(
            hold.commandId(),
            hold.points(),
            hold.rewardType(),
            hold.value(),
            hold.expiresAt(),
            now);
    return account.keepOutcome(
        change,
        new PointsHeld(
            RewardsEvent.idFor(hold.commandId()),
            hold.commandId(),
            hold.userId(),
            hold.commandId(),
            hold.points(),
            hold.rewardType(),
            hold.expiresAt(),
            account.available(),
            change.balanceAfter(),
            now));
  }

  static Change capture(CaptureHold capture, Account account, PastEntries past, Instant now) {
    Optional<Hold> active = account.activeHold(capture.holdId().toString());
    if (active.isEmpty()) {
      return notActive(capture, capture.holdId(), account, past, now);
    }
    Hold hold = active.get();
    long points = capture.points() != null ? capture.points() : hold.points();
    if (points > hold.points()) {
      return Refusals.refuse(
          capture,
          account,
          now,
          CommandRejected.INSUFFICIENT_POINTS,
          "points",
          "Capturing %d points needs more than the %d held".formatted(points, hold.points()));
    }
    Change change = account.capture(capture.commandId(), hold, points, now);
    BigDecimal value =
        hold.value()
            .multiply(BigDecimal.valueOf(points))
            .divide(BigDecimal.valueOf(hold.points()), 2, RoundingMode.HALF_UP);
    return account.keepOutcome(
        change,
        new RewardRedeemed(
            RewardsEvent.idFor(capture.commandId()),
            capture.commandId(),
            capture.userId(),
            StableIds.derive("redemption", capture.commandId()),
            points,
            hold.rewardType(),
            value,
            change.balanceAfter(),
            now,
            capture.holdId(),
            hold.points() - points));
  }

  static Change release(ReleaseHold release, Account account, PastEntries past, Instant now) {
    Optional<Hold> active = account.activeHold(release.holdId().toString());
    if (active.isEmpty()) {
      return notActive(release, release.holdId(), account, past, now);
    }
    Change change = account.release(release.commandId(), active.get(), now);
    return account.keepOutcome(
        change,
        new HoldReleased(
            RewardsEvent.idFor(release.commandId()),
            release.commandId(),
            release.userId(),
            release.holdId(),
            active.get().points(),
            release.cause(),
            account.available(),
            change.balanceAfter(),
            now));
  }

  private static Change notActive(
      RewardsCommand command,
      java.util.UUID holdId,
      Account account,
      PastEntries past,
      Instant now) {
    boolean existed = past.holdExisted(command.userId(), holdId);
    return Refusals.refuse(
        command,
        account,
        now,
        existed ? CommandRejected.HOLD_NOT_ACTIVE : CommandRejected.UNKNOWN_HOLD,
        "holdId",
        existed
            ? "Hold " + holdId + " was captured or released already"
            : "No hold of " + command.userId() + " has id " + holdId);
  }
}
