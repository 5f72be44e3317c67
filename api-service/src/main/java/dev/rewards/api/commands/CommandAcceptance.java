package dev.rewards.api.commands;

import dev.rewards.api.backpressure.Backpressure;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.api.system.NotFoundException;
import dev.rewards.api.users.UserIds;
import dev.rewards.api.users.UserStore;
import dev.rewards.contracts.CommandRules;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepting a command: check the user, honour {@code Idempotency-Key}, publish, and answer 202 only
 * once the broker acknowledged it — or, with {@code Prefer: wait=N}, the outcome itself if it
 * arrives in time. The PENDING note in the store is a convenience for polling; if the store is down
 * the command is still accepted, and ledger-worker writes the status when it applies it.
 */
@Service
public class CommandAcceptance {

  private static final Logger log = LoggerFactory.getLogger(CommandAcceptance.class);

  private final UserStore users;
  private final IdempotencyKeys idempotencyKeys;
  private final CommandPublisher publisher;
  private final CommandStatusStore statuses;
  private final OutcomeWaiters waiters;
  private final Backpressure backpressure;
  private final JsonMapper json;
  private final Clock clock;

  /**
   * Runs what follows the broker's acknowledgement (the PENDING note, the answer). Never the Kafka
   * producer's own thread: a store round trip there would hold up every other acknowledgement.
   */
  private final ExecutorService afterAcknowledgement =
      Executors.newFixedThreadPool(16, CommandAcceptance::acknowledgementThread);

  private static final java.util.concurrent.atomic.AtomicInteger THREADS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static Thread acknowledgementThread(Runnable work) {
    Thread thread = new Thread(work, "acknowledged-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  CommandAcceptance(
      UserStore users,
      IdempotencyKeys idempotencyKeys,
      CommandPublisher publisher,
      CommandStatusStore statuses,
      OutcomeWaiters waiters,
      Backpressure backpressure,
      JsonMapper json,
      Clock clock) {
    this.users = users;
    this.idempotencyKeys = idempotencyKeys;
    this.publisher = publisher;
    this.statuses = statuses;
    this.waiters = waiters;
    this.backpressure = backpressure;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Validates what every balance-changing request shares: the user (400, 404), the idempotency key
   * and the wait preference (400); then whether the ledger can take more (503, see {@link
   * #admit()}).
   */
  public CommandRequest prepare(String userId, String idempotencyKey, String prefer, Object body) {
    UserIds.requireValid("userId", userId);
    if (idempotencyKey != null) {
      RequestHeaders.requireValidIdempotencyKey(idempotencyKey);
    }
    Integer waitSeconds = RequestHeaders.waitSeconds(prefer);
    if (!users.exists(userId)) {
      throw new NotFoundException("User " + userId + " not found");
    }
    admit();
    return new CommandRequest(
        userId,
        idempotencyKey,
        fingerprint(userId, body),
        waitSeconds,
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Refuses new work while the ledger is further behind than {@code REWARDS_MAX_LAG} commands.
   *
   * @throws dev.rewards.api.backpressure.LedgerOverloadedException 503 with {@code Retry-After}
   */
  public void admit() {
    backpressure.admit();
  }

  /** Publishes the command {@code build} makes (or, for a repeated key, the earlier one). */
  public CompletableFuture<ResponseEntity<Object>> accept(
      CommandRequest request, Function<UUID, RewardsCommand> build) {
    RewardsCommand candidate = build.apply(UUID.randomUUID());
    refuseWhatTheLedgerWouldReject(candidate);
    IdempotencyKeys.Claim claim =
        request.idempotencyKey() == null
            ? new IdempotencyKeys.Claim(candidate, false)
            : idempotencyKeys.claim(request.idempotencyKey(), request.fingerprint(), candidate);
    RewardsCommand command = claim.command();
    Integer wait = request.waitSeconds();
    CompletableFuture<RewardsEvent> outcome =
        wait == null ? null : waiters.register(command.commandId());
    CompletableFuture<ResponseEntity<Object>> response =
        publisher
            .publish(command)
            .thenComposeAsync(
                acknowledged -> {
                  notePending(command);
                  return wait == null
                      ? CompletableFuture.completedFuture(accepted(command))
                      : awaitOutcome(command, outcome, wait, claim.repeat());
                },
                afterAcknowledgement);
    if (outcome != null) {
      response.whenComplete((r, e) -> waiters.forget(command.commandId()));
    }
    return response;
  }

  private CompletableFuture<ResponseEntity<Object>> awaitOutcome(
      RewardsCommand command, CompletableFuture<RewardsEvent> outcome, int wait, boolean repeat) {
    if (repeat) {
      // a repeated request may ask for an outcome announced long ago
      decidedIfReadable(command).ifPresent(outcome::complete);
    }
    return outcome
        .completeOnTimeout(null, wait, TimeUnit.SECONDS)
        .thenApplyAsync(
            event -> {
              RewardsEvent decided =
                  event != null ? event : decidedIfReadable(command).orElse(null);
              ResponseEntity<Object> answer =
                  decided == null ? accepted(command) : OutcomeResponses.of(decided);
              return ResponseEntity.status(answer.getStatusCode())
                  .headers(answer.getHeaders())
                  .header("Preference-Applied", "wait=" + wait)
                  .body(answer.getBody());
            },
            // never the default executor: where the common pool has one thread (two cores), that
            // starts a new thread for every awaited request
            afterAcknowledgement);
  }

  /**
   * The ledger checks every command against the same rules before it writes anything; a command it
   * would reject is refused here, before it is accepted, naming the request field at fault.
   */
  private static void refuseWhatTheLedgerWouldReject(RewardsCommand command) {
    CommandRules.firstViolation(command)
        .ifPresent(
            violation -> {
              String field = REQUEST_FIELDS.getOrDefault(violation.field(), violation.field());
              throw new InvalidFieldException(
                  field, field + violation.detail().substring(violation.field().length()));
            });
  }

  /** Command fields whose request field has another name. */
  private static final java.util.Map<String, String> REQUEST_FIELDS =
      java.util.Map.of(
          "purchasedAt", "timestamp",
          "purchaseCommandId", "commandId",
          "purchaseIdempotencyKey", "idempotencyKey");

  /**
   * The outcome recorded in the store, if it can be read now. The command is on the broker whatever
   * the store says, so a store that cannot be read means "not known yet" (202 and its Location),
   * never a refusal.
   */
  private Optional<RewardsEvent> decidedIfReadable(RewardsCommand command) {
    try {
      return statuses.decidedEvent(command.commandId());
    } catch (RuntimeException e) {
      log.warn(
          "Command {} accepted; its outcome could not be read ({}), answering 202",
          command.commandId(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private static ResponseEntity<Object> accepted(RewardsCommand command) {
    return ResponseEntity.accepted()
        .location(URI.create("/rewards/commands/" + command.commandId()))
        .body(AcceptedCommand.pending(command.commandId(), command.userId()));
  }

  private void notePending(RewardsCommand command) {
    try {
      statuses.recordAccepted(command);
    } catch (RuntimeException e) {
      log.warn(
          "Command {} accepted, but its PENDING status could not be stored: {}",
          command.commandId(),
          e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    afterAcknowledgement.shutdown();
  }

  /** Same operation, user and body ⇒ same fingerprint. */
  private String fingerprint(String userId, Object body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(body.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(json.writeValueAsBytes(body));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
