package dev.rewards.localstack;

import dev.rewards.localstack.ReferenceModel.Kind;
import dev.rewards.localstack.ReferenceModel.Op;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a history's requests as a point-of-sale client does — each with its own Idempotency-Key,
 * sometimes twice — and tells the reference model what was accepted, in the order it was.
 */
final class HistorySender {

  private final ReferenceModel model;
  private final PatientClient client;
  final AtomicInteger retries = new AtomicInteger();

  HistorySender(ReferenceModel model, PatientClient client) {
    this.model = model;
    this.client = client;
  }

  /**
   * @param retry send it again with the same key, as a client that never saw the answer: the same
   *     command must come back
   * @return the accepted command
   */
  UUID send(Op op, boolean retry) {
    String key = UUID.randomUUID().toString();
    ReferenceModel.Request request = model.request(op);
    Map<String, String> headers =
        op.kind() == Kind.ADJUST
            ? Map.of("Authorization", "Bearer " + FaultyStack.ADMIN_TOKEN)
            : Map.of();
    UUID commandId = client.submit(request.path(), request.body(), key, headers);
    model.accepted(request, commandId, key);
    if (retry) {
      UUID again = client.submit(request.path(), request.body(), key, headers);
      retries.incrementAndGet();
      if (!again.equals(commandId)) {
        throw new AssertionError("a retry got another command: " + commandId + " then " + again);
      }
    }
    return commandId;
  }
}
