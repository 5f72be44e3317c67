package dev.rewards.api.benchmark;

import dev.rewards.api.commands.AcceptedCommand;
import dev.rewards.api.points.EarnRequest;
import dev.rewards.api.users.UserIds;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's reference point: everything {@code POST /rewards/add-points/{userId}} does in
 * this process up to the work that matters — filters (API key, rate limit, body size), JSON
 * reading, validation, the same 202 body — but no store and no broker. Earn ingest is reported as a
 * ratio of this. Off unless {@code REWARDS_BENCHMARK_ENDPOINTS=true}; never documented in the API.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "rewards.benchmark.enabled", havingValue = "true")
class NoopController {

  @PostMapping("/rewards/benchmark/noop/{userId}")
  ResponseEntity<AcceptedCommand> noop(
      @PathVariable String userId,
      @Valid @org.springframework.web.bind.annotation.RequestBody EarnRequest request) {
    UserIds.requireValid("userId", userId);
    return ResponseEntity.accepted().body(AcceptedCommand.pending(UUID.randomUUID(), userId));
  }
}
