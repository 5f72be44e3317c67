package dev.rewards.api.points;

import dev.rewards.api.backpressure.LedgerOverloadedException;
import dev.rewards.api.commands.BrokerUnavailableException;
import dev.rewards.api.commands.CommandAcceptance;
import dev.rewards.api.commands.CommandRequest;
import dev.rewards.api.commands.IdempotencyConflictException;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.api.system.NotFoundException;
import dev.rewards.support.store.StoreOutages;
import dev.rewards.support.system.Causes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many purchases in one request, for tills that upload in bulk: each becomes its own earn command
 * (keyed by its user, so per-user order holds), all published together and acknowledged by the
 * broker before the answer; each is accepted or refused on its own, with the status it would have
 * had alone.
 */
@RestController
@Tag(name = "Points")
class BatchEarnController {

  private final PurchaseCommands purchases;
  private final CommandAcceptance acceptance;
  private final Validator validator;

  BatchEarnController(
      PurchaseCommands purchases, CommandAcceptance acceptance, Validator validator) {
    this.purchases = purchases;
    this.acceptance = acceptance;
    this.validator = validator;
  }

  @PostMapping("/rewards/add-points-batch")
  @Operation(
      summary = "Earn points for many purchases at once",
      description =
          "1–200 purchases, each `{userId, points?, category, amount, timestamp?,"
              + " idempotencyKey?}`. 200 with one result per purchase, in order: `status` 202 with"
              + " its `commandId`, or the 400/404/422/503 it would have had alone, with a problem"
              + " `title`, `detail` and `field`. A malformed batch as a whole is a 400; while the"
              + " ledger is too far behind, the whole batch is a 503 with `Retry-After`.")
  CompletableFuture<BatchResults> addPoints(@Valid @RequestBody PurchaseBatch batch) {
    acceptance.admit(); // all or none: a half-refused batch would only be sent again in full
    List<CompletableFuture<BatchItemResult>> results = new ArrayList<>();
    for (int i = 0; i < batch.purchases().size(); i++) {
      results.add(accept(i, batch.purchases().get(i)));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> BatchResults.of(results.stream().map(CompletableFuture::join).toList()));
  }

  private CompletableFuture<BatchItemResult> accept(int index, BatchPurchase purchase) {
    String userId = purchase.userId();
    var violation =
        validator.validate(purchase).stream()
            .min(
                Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()));
    if (violation.isPresent()) {
      String field = violation.get().getPropertyPath().toString();
      return done(
          BatchItemResult.refused(
              index,
              userId,
              400,
              "Invalid request",
              field + " " + violation.get().getMessage(),
              field));
    }
    try {
      EarnRequest request = purchase.asEarnRequest();
      CommandRequest command = acceptance.prepare(userId, purchase.idempotencyKey(), null, request);
      return acceptance
          .accept(command, commandId -> purchases.earn(commandId, userId, request, command))
          .handle(
              (response, failure) ->
                  failure == null
                      ? BatchItemResult.accepted(
                          index,
                          userId,
                          ((dev.rewards.api.commands.AcceptedCommand) response.getBody())
                              .commandId())
                      : refusal(index, userId, failure));
    } catch (RuntimeException e) {
      return done(refusal(index, userId, e));
    }
  }

  static BatchItemResult refusal(int index, String userId, Throwable thrown) {
    Throwable failure =
        thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (failure instanceof InvalidFieldException invalid) {
      String field =
          "idempotencyKey".equals(invalid.field()) || "Idempotency-Key".equals(invalid.field())
              ? "idempotencyKey"
              : invalid.field();
      return BatchItemResult.refused(
          index, userId, 400, "Invalid request", invalid.getMessage(), field);
    }
    if (failure instanceof NotFoundException) {
      return BatchItemResult.refused(
          index, userId, 404, "Not found", failure.getMessage(), "userId");
    }
    if (failure instanceof IdempotencyConflictException) {
      return BatchItemResult.refused(
          index, userId, 422, "Idempotency-Key reused", failure.getMessage(), "idempotencyKey");
    }
    if (failure instanceof LedgerOverloadedException) {
      // the ledger fell behind while the batch was being accepted: earlier purchases stand
      return BatchItemResult.refused(
          index,
          userId,
          503,
          "Service overloaded",
          "The ledger fell too far behind; this purchase was not accepted. Retry it later.",
          null);
    }
    if (Causes.include(failure, BrokerUnavailableException.class)) {
      return BatchItemResult.refused(
          index,
          userId,
          503,
          "Service unavailable",
          "The message broker is unavailable; this purchase was not accepted. Retry it.",
          null);
    }
    if (StoreOutages.isOutage(failure)) {
      // only this purchase: others of the batch may already be on the broker, and must say so
      return BatchItemResult.refused(
          index,
          userId,
          503,
          "Service unavailable",
          "The database is unavailable; this purchase was not accepted. Retry it.",
          null);
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime; // a bug: the whole batch answers as a single request would
    }
    throw new IllegalStateException(failure);
  }

  private static CompletableFuture<BatchItemResult> done(BatchItemResult result) {
    return CompletableFuture.completedFuture(result);
  }
}
