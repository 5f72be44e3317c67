package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardsCommand;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * The {@code commands} collection: one document per accepted command with its status ({@code
 * PENDING}, written by api-service; {@code APPLIED} or {@code REJECTED}, written here) and, once
 * decided, the outcome event. It is the durable memory of what was decided, long after the command
 * has left its account's short journal.
 */
public class CommandLog {

  public static final String COLLECTION = "commands";

  private final MongoCollection<Document> commands;

  public CommandLog(MongoDatabase database) {
    this.commands = database.getCollection(COLLECTION);
    commands.createIndex(new Document("userId", 1));
  }

  private static final java.util.Set<String> DECIDED = java.util.Set.of("APPLIED", "REJECTED");

  /**
   * The outcome already decided for this command, if any. It still needs announcing only if the
   * record being processed is the very one that decided it (a redelivery: its Kafka transaction,
   * with the event, did not commit). Any other record is a duplicate of an announced command.
   */
  public Optional<LedgerOutcome> decided(UUID commandId, String source) {
    // by _id alone: stores that use an index only for an exact key match (mongo-java-server, the
    // local stack's) would scan the whole, ever-growing collection for a compound filter
    Document doc = commands.find(eq("_id", commandId.toString())).first();
    if (doc == null
        || !DECIDED.contains(doc.getString("status"))
        || doc.getString("event") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LedgerOutcome(
            MessageJson.readEvent(doc.getString("event").getBytes(StandardCharsets.UTF_8)),
            doc.get("accountVersion", Number.class).longValue(),
            doc.get("balance", Number.class).longValue(),
            source.equals(doc.getString("source"))));
  }

  /**
   * Records the decision and the record ({@code source}) that made it. Idempotent: the same command
   * always decides the same outcome.
   */
  public void decide(RewardsCommand command, LedgerOutcome outcome, String source) {
    String status = outcome.event() instanceof RedemptionRejected ? "REJECTED" : "APPLIED";
    commands.updateOne(
        eq("_id", command.commandId().toString()),
        combine(
            set("status", status),
            set("event", new String(MessageJson.write(outcome.event()), StandardCharsets.UTF_8)),
            set("accountVersion", outcome.accountVersion()),
            set("balance", outcome.balance()),
            set("decidedAt", Date.from(outcome.event().occurredAt())),
            set("source", source),
            setOnInsert("userId", command.userId()),
            setOnInsert("type", command instanceof EarnPoints ? "EARN" : "REDEEM"),
            setOnInsert("acceptedAt", Date.from(command.occurredAt()))),
        new UpdateOptions().upsert(true));
  }
}
