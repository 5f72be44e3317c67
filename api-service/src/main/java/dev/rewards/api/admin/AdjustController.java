package dev.rewards.api.admin;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.contracts.AdjustPoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators correct a balance (goodwill, a support fix) with the admin token; the ledger applies it
 * like any command, and a debit never overdraws. The actor is who authenticated, never a field.
 */
@RestController
@Tag(name = "Admin")
class AdjustController {

  private final CommandAcceptance acceptance;

  AdjustController(CommandAcceptance acceptance) {
    this.acceptance = acceptance;
  }

  @PostMapping("/rewards/admin/adjust/{userId}")
  @Operation(
      summary = "Credit or debit a balance, with a reason (admin token)",
      description =
          "202 with a commandId once the command is on the broker, like add-points;"
              + " `Idempotency-Key` and `Prefer: wait=N` work the same. A debit the balance does not"
              + " cover ends REJECTED with reason INSUFFICIENT_POINTS.")
  CompletableFuture<ResponseEntity<Object>> adjust(
      @PathVariable String userId,
      @Valid @RequestBody AdjustRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer,
      Principal actor) {
    if (request.points() == 0) {
      throw new InvalidFieldException("points", "points must not be 0");
    }
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    return acceptance.accept(
        command,
        commandId ->
            new AdjustPoints(
                commandId,
                userId,
                request.points(),
                request.reason(),
                actor.getName(),
                command.acceptedAt()));
  }
}
