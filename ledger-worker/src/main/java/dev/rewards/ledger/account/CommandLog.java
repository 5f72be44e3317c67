package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardsCommand;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final Set<String> DECIDED = Set.of("APPLIED", "REJECTED");

  private final MongoCollection<Document> commands;

  public CommandLog(MongoDatabase database) {
    this.commands = database.getCollection(COLLECTION);
    commands.createIndex(new Document("userId", 1));
  }

  /** The decisions already recorded for any of these commands, in one query. */
  public Map<UUID, RecordedDecision> decisionsOf(Set<UUID> commandIds) {
    Map<UUID, RecordedDecision> decisions = new HashMap<>();
    if (commandIds.isEmpty()) {
      return decisions;
    }
    // by _id alone: mongo-java-server (tests, local stack) serves an $in from the _id index only
    // when _id is the filter's one field; with a status condition it would scan every command
    List<String> ids = commandIds.stream().map(UUID::toString).toList();
    for (Document doc : commands.find(in("_id", ids))) {
      if (DECIDED.contains(doc.getString("status")) && doc.getString("event") != null) {
        decisions.put(UUID.fromString(doc.getString("_id")), recorded(doc));
      }
    }
    return decisions;
  }

  /**
   * Records the decisions and the records ({@code source}) that made them, in one bulk write.
   * Idempotent: the same command always decides the same outcome.
   */
  public void decideAll(List<Decision> decisions) {
    if (decisions.isEmpty()) {
      return;
    }
    BulkWrites.upsertEach(
        commands,
        decisions,
        decision -> eq("_id", decision.command().commandId().toString()),
        CommandLog::update);
  }

  private static org.bson.conversions.Bson update(Decision decision) {
    RewardsCommand command = decision.command();
    LedgerOutcome outcome = decision.outcome();
    String status = outcome.event() instanceof RedemptionRejected ? "REJECTED" : "APPLIED";
    return combine(
        set("status", status),
        set("event", new String(MessageJson.write(outcome.event()), StandardCharsets.UTF_8)),
        set("accountVersion", outcome.accountVersion()),
        set("balance", outcome.balance()),
        set("decidedAt", Date.from(outcome.event().occurredAt())),
        set("source", decision.source()),
        setOnInsert("userId", command.userId()),
        setOnInsert("type", command instanceof EarnPoints ? "EARN" : "REDEEM"),
        setOnInsert("acceptedAt", Date.from(command.occurredAt())));
  }

  private static RecordedDecision recorded(Document doc) {
    return new RecordedDecision(
        new LedgerOutcome(
            MessageJson.readEvent(doc.getString("event").getBytes(StandardCharsets.UTF_8)),
            doc.get("accountVersion", Number.class).longValue(),
            doc.get("balance", Number.class).longValue(),
            true),
        doc.getString("source"));
  }

  /** A command's outcome and the record that decided it, to be written. */
  public record Decision(RewardsCommand command, LedgerOutcome outcome, String source) {}

  /** A decision found in the log. */
  public record RecordedDecision(LedgerOutcome outcome, String source) {

    /**
     * The outcome as seen from the record being processed: it still needs announcing only if that
     * record is the very one that decided it (a redelivery: its Kafka transaction, with the event,
     * did not commit). Any other record is a duplicate of an announced command.
     */
    public LedgerOutcome seenFrom(String processing) {
      return new LedgerOutcome(
          outcome.event(), outcome.accountVersion(), outcome.balance(), processing.equals(source));
    }
  }
}
