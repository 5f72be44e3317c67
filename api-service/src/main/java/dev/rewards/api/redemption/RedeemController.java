package dev.rewards.api.redemption;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
import dev.rewards.contracts.RedeemPoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Redemptions: accepted here, applied (or refused for lack of points) by ledger-worker. */
@RestController
@Tag(name = "Redemptions")
class RedeemController {

  private final RewardOptions options;
  private final CommandAcceptance acceptance;

  RedeemController(RewardOptions options, CommandAcceptance acceptance) {
    this.options = options;
    this.acceptance = acceptance;
  }

  @GetMapping("/rewards/options")
  @Operation(summary = "The rewards points can be redeemed for")
  List<RewardOption> options() {
    return options.options();
  }

  @PostMapping("/rewards/redeem/{userId}")
  @Operation(
      summary = "Redeem points for a reward",
      description =
          "202 with a commandId once the command is on the broker. Applied only if the balance"
              + " covers it; otherwise its outcome is REJECTED (INSUFFICIENT_POINTS). With"
              + " `Prefer: wait=N` the outcome itself is returned when it arrives within N s:"
              + " 200 with the redemption, or 400 \"Insufficient Points\".")
  CompletableFuture<ResponseEntity<Object>> redeem(
      @PathVariable String userId,
      @Valid @RequestBody RedeemRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Prefer", required = false) String prefer) {
    CommandRequest command = acceptance.prepare(userId, idempotencyKey, prefer, request);
    RewardOption option =
        options.requireFor(request.rewardType(), request.pointsToRedeem(), "pointsToRedeem");
    return acceptance.accept(
        command,
        (UUID commandId) ->
            new RedeemPoints(
                commandId,
                userId,
                request.pointsToRedeem(),
                option.type(),
                option.valueOf(request.pointsToRedeem()),
                command.acceptedAt()));
  }
}
