package dev.rewards.api.corrections;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.RefundPurchase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of the past that a till or a shop makes: a purchase returned, an order paid with
 * points cancelled. Accepted like any command (202 + commandId, Idempotency-Key, Prefer: wait); the
 * ledger decides them against the purchase or redemption they name.
 */
@RestController
@Tag(name = "Corrections")
class CorrectionsController {

  private final CommandAcceptance acceptance;

  CorrectionsController(CommandAcceptance acceptance) {
    this.acceptance = acceptance;
  }

  @PostMapping("/rewards/refund/{userId}")
  @Operation(
      summary = "Refund a purchase, wholly or in part: its points come back out",
      description =
          "Name the purchase by exactly one of `commandId` or `idempotencyKey` (the"
              + " Idempotency-Key it was sent with). Points reversed so far = floor(points earned ×"
              + " amount refunded so far / purchase amount), so partial refunds add up to exactly"
              + " a full one. They come from the purchase's own lot first, then the lots that"
              + " expire first; what the balance cannot cover becomes debt (the balance goes"
              + " negative) that later earns pay first. 202 like add-points; rejections:"
              + " UNKNOWN_PURCHASE (404 on `Prefer: wait`), NOTHING_TO_REFUND (409),"
              + " REFUND_EXCEEDS_PURCHASE (422).")
  CompletableFuture<ResponseEntity<Object>> refund(
      @PathVariable String userId,
      @Valid @RequestBody RefundRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    if ((request.commandId() == null) == (request.idempotencyKey() == null)) {
      throw new InvalidFieldException(
          "commandId", "name the purchase by exactly one of commandId or idempotencyKey");
    }
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command,
        commandId ->
            new RefundPurchase(
                commandId,
                userId,
                request.commandId(),
                request.idempotencyKey(),
                request.amount(),
                request.reason(),
                command.acceptedAt()));
  }

  @PostMapping("/rewards/cancel-redemption/{userId}")
  @Operation(
      summary = "Cancel a redemption: its points go back into the lots they came from",
      description =
          "Points whose lot has expired meanwhile are not restored (`pointsExpiredMeanwhile`)."
              + " 202 like add-points; rejections: UNKNOWN_REDEMPTION (404 on `Prefer: wait`),"
              + " ALREADY_CANCELLED (409).")
  CompletableFuture<ResponseEntity<Object>> cancelRedemption(
      @PathVariable String userId,
      @Valid @RequestBody CancelRedemptionRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command,
        commandId ->
            new CancelRedemption(
                commandId,
                userId,
                request.redemptionCommandId(),
                request.reason(),
                command.acceptedAt()));
  }
}
