package dev.rewards.api.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import dev.rewards.api.backpressure.LedgerOverloadedException;
import dev.rewards.api.commands.BrokerUnavailableException;
import dev.rewards.api.commands.IdempotencyConflictException;
import dev.rewards.api.system.NotFoundException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** One purchase's failure becomes that purchase's result; the rest of the batch stands. */
class BatchRefusalTests {

  @Test
  void refusesOnlyThePurchaseThatMetAnOutage() {
    BatchItemResult store =
        BatchEarnController.refusal(3, "u", new MongoTimeoutException("no server"));
    BatchItemResult broker =
        BatchEarnController.refusal(
            4,
            "u",
            new CompletionException(new BrokerUnavailableException(new RuntimeException("down"))));

    assertThat(store.status()).isEqualTo(503);
    assertThat(store.index()).isEqualTo(3);
    assertThat(store.commandId()).isNull();
    assertThat(broker.status()).isEqualTo(503);
  }

  @Test
  void refusesOnlyThePurchaseMetByTheLedgerFallingBehindMidBatch() {
    BatchItemResult refused =
        BatchEarnController.refusal(7, "u", new LedgerOverloadedException(200_001, 200_000, 3));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.title()).isEqualTo("Service overloaded");
  }

  @Test
  void givesEachKnownRefusalItsOwnStatusAndField() {
    assertThat(BatchEarnController.refusal(0, "u", new NotFoundException("no u")).status())
        .isEqualTo(404);
    BatchItemResult conflict =
        BatchEarnController.refusal(1, "u", new IdempotencyConflictException());
    assertThat(conflict.status()).isEqualTo(422);
    assertThat(conflict.field()).isEqualTo("idempotencyKey");
  }

  @Test
  void letsABugFailTheWholeBatch() {
    assertThatThrownBy(
            () -> BatchEarnController.refusal(0, "u", new IllegalStateException("a bug")))
        .isInstanceOf(IllegalStateException.class);
  }
}
