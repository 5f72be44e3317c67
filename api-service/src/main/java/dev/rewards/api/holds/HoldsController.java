package dev.rewards.api.holds;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
import dev.rewards.api.redemption.RewardOption;
import dev.rewards.api.redemption.RewardOptions;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.HoldPoints;
import dev.rewards.contracts.ReleaseHold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-phase redemptions at checkout: hold the points while the order is paid, then capture them (a
 * redemption) or void the hold; an unclaimed hold releases itself after {@code expiresInSeconds}.
 * Each is a command like any other (202 + commandId, Idempotency-Key, Prefer: wait).
 */
@RestController
@Tag(name = "Holds")
class HoldsController {

  private static final int DEFAULT_SECONDS = 900;

  private final RewardOptions options;
  private final CommandAcceptance acceptance;

  HoldsController(RewardOptions options, CommandAcceptance acceptance) {
    this.options = options;
    this.acceptance = acceptance;
  }

  @PostMapping("/rewards/holds/{userId}")
  @Operation(
      summary = "Reserve points at checkout (the hold's id is its commandId)",
      description =
          "The points stay in `totalPoints` but leave `availablePoints` until captured, voided or"
              + " released by themselves after `expiresInSeconds` (within a minute). Held points"
              + " never expire while held. Rejection: INSUFFICIENT_POINTS (400 on `Prefer: wait`).")
  CompletableFuture<ResponseEntity<Object>> hold(
      @PathVariable String userId,
      @Valid @RequestBody HoldRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    RewardOption option = options.requireFor(request.rewardType(), request.points(), "points");
    int seconds = request.expiresInSeconds() != null ? request.expiresInSeconds() : DEFAULT_SECONDS;
    return acceptance.accept(
        command,
        commandId ->
            new HoldPoints(
                commandId,
                userId,
                request.points(),
                option.type(),
                option.valueOf(request.points()),
                command.acceptedAt().plus(Duration.ofSeconds(seconds)),
                command.acceptedAt()));
  }

  @PostMapping("/rewards/holds/{userId}/{holdId}/capture")
  @Operation(
      summary = "Redeem a hold's points (all, or `points` of them; the rest is released)",
      description =
          "The outcome is a redemption like any other (RewardRedeemed naming the hold, in"
              + " /redemptions, analytics and the `rewardRedeemed` frame). Rejections: UNKNOWN_HOLD"
              + " (404 on `Prefer: wait`), HOLD_NOT_ACTIVE (409), INSUFFICIENT_POINTS (400: more"
              + " than held).")
  CompletableFuture<ResponseEntity<Object>> capture(
      @PathVariable String userId,
      @PathVariable String holdId,
      @Valid @RequestBody CaptureRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    UUID hold = holdIdOf(holdId);
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command,
        commandId ->
            new CaptureHold(commandId, userId, hold, request.points(), command.acceptedAt()));
  }

  @PostMapping("/rewards/holds/{userId}/{holdId}/void")
  @Operation(
      summary = "Give a hold's points back",
      description =
          "Outcome HoldReleased with cause VOID (frame `holdReleased`). Rejections: UNKNOWN_HOLD"
              + " (404 on `Prefer: wait`), HOLD_NOT_ACTIVE (409).")
  CompletableFuture<ResponseEntity<Object>> voidHold(
      @PathVariable String userId,
      @PathVariable String holdId,
      @Valid @RequestBody VoidRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    UUID hold = holdIdOf(holdId);
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command,
        commandId ->
            new ReleaseHold(commandId, userId, hold, ReleaseHold.VOID, command.acceptedAt()));
  }

  private static UUID holdIdOf(String holdId) {
    try {
      return UUID.fromString(holdId);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("holdId", "holdId must be the hold's commandId (a UUID)");
    }
  }
}
