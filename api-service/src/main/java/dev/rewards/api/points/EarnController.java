package dev.rewards.api.points;

import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.system.NotFoundException;
import dev.rewards.api.users.UserIds;
import dev.rewards.api.users.UserStore;
import dev.rewards.contracts.EarnPoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accepts purchases that earn points; they are applied asynchronously by ledger-worker. */
@RestController
@Tag(name = "Points")
class EarnController {

  private final UserStore users;
  private final EarnRules rules;
  private final CommandAcceptance acceptance;
  private final Clock clock;

  EarnController(UserStore users, EarnRules rules, CommandAcceptance acceptance, Clock clock) {
    this.users = users;
    this.rules = rules;
    this.acceptance = acceptance;
    this.clock = clock;
  }

  @PostMapping("/rewards/add-points/{userId}")
  @Operation(
      summary = "Earn points for a purchase",
      description = "202 with a commandId once the command is safely on the broker")
  CompletableFuture<ResponseEntity<Object>> addPoints(
      @PathVariable String userId, @Valid @RequestBody EarnRequest request) {
    UserIds.requireValid("userId", userId);
    if (!users.exists(userId)) {
      throw new NotFoundException("User " + userId + " not found");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long points =
        request.points() != null
            ? request.points()
            : rules.pointsFor(request.category(), request.amount());
    EarnPoints command =
        new EarnPoints(
            UUID.randomUUID(),
            userId,
            points,
            request.category(),
            request.amount(),
            request.timestamp() != null ? request.timestamp() : now,
            now);
    return acceptance.accept(command);
  }
}
