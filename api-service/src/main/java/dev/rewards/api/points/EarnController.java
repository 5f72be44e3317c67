package dev.rewards.api.points;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
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

/** Accepts purchases that earn points; they are applied asynchronously by ledger-worker. */
@RestController
@Tag(name = "Points")
class EarnController {

  private final PurchaseCommands purchases;
  private final CommandAcceptance acceptance;

  EarnController(PurchaseCommands purchases, CommandAcceptance acceptance) {
    this.purchases = purchases;
    this.acceptance = acceptance;
  }

  @PostMapping("/rewards/add-points/{userId}")
  @Operation(
      summary = "Earn points for a purchase",
      description =
          "202 with a commandId once the command is safely on the broker; `points` omitted →"
              + " computed from `amount` by the earn rules. With `Idempotency-Key`, a retry gets"
              + " the same commandId and is applied once. With `Prefer: wait=N` the outcome itself"
              + " is returned (200, or the rejection as a problem) when it arrives within N seconds."
              + " `timestamp` must lie between 2000-01-01 and 24 hours ahead of the server's"
              + " clock.")
  CompletableFuture<ResponseEntity<Object>> addPoints(
      @PathVariable String userId,
      @Valid @RequestBody EarnRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command, commandId -> purchases.earn(commandId, userId, request, command));
  }
}
