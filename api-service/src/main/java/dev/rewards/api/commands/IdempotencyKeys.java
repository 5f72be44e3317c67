package dev.rewards.api.commands;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_keys} collection: each key remembers the request it was first used for and
 * the command made from it. A repeat of the same request gets the very same command back (and
 * republishing it is harmless: the ledger applies a commandId once); another request with the key
 * is refused. Keys expire after 48 hours (the contract promises at least 24).
 */
@Component
public class IdempotencyKeys {

  private final MongoCollection<Document> keys;

  IdempotencyKeys(MongoDatabase database) {
    this.keys = database.getCollection("idempotency_keys");
    keys.createIndex(
        new Document("createdAt", 1), new IndexOptions().expireAfter(48L, TimeUnit.HOURS));
  }

  /**
   * Claims {@code key} for {@code candidate}, or returns the command it was claimed for before.
   *
   * @throws IdempotencyConflictException if the key was used for another request
   */
  public Claim claim(String key, String fingerprint, RewardsCommand candidate) {
    try {
      keys.insertOne(
          new Document("_id", key)
              .append("fingerprint", fingerprint)
              .append("command", new String(MessageJson.write(candidate), StandardCharsets.UTF_8))
              .append("createdAt", Date.from(candidate.occurredAt())));
      return new Claim(candidate, false);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    Document earlier = keys.find(Filters.eq("_id", key)).first();
    if (earlier == null || !fingerprint.equals(earlier.getString("fingerprint"))) {
      throw new IdempotencyConflictException();
    }
    return new Claim(
        MessageJson.readCommand(earlier.getString("command").getBytes(StandardCharsets.UTF_8)),
        true);
  }

  /**
   * @param command the command to publish
   * @param repeat whether the key was used before (the command may already be decided)
   */
  public record Claim(RewardsCommand command, boolean repeat) {}
}
