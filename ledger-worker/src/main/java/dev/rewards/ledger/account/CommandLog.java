package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.support.store.StoreSchema.Commands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code commands} collection: one document per accepted command with its status ({@code
 * PENDING}, written by api-service; {@code APPLIED} or {@code REJECTED}, written here) and, once
 * decided, the outcome event. It is the durable memory of what was decided, long after the command
 * has left its account's short journal.
 */
public class CommandLog {

  private static final Set<String> DECIDED = Set.of(Commands.APPLIED, Commands.REJECTED);

  private final MongoCollection<Document> commands;

  public CommandLog(MongoDatabase database) {
    this.commands = database.getCollection(Commands.NAME);
    commands.createIndex(new Document(Commands.USER_ID, 1));
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
      if (DECIDED.contains(doc.getString(Commands.STATUS))
          && doc.getString(Commands.EVENT) != null) {
        decisions.put(UUID.fromString(doc.getString("_id")), recorded(doc));
      }
    }
    return decisions;
  }

  /**
   * The store update that records a decision, built now: every conversion that could fail happens
   * before the batch writes anything.
   */
  public static PreparedDecision prepare(Decision decision) {
    RewardsCommand command = decision.command();
    LedgerOutcome outcome = decision.outcome();
    return new PreparedDecision(
        command.commandId().toString(),
        decisionUpdate(
            command.userId(),
            command.commandType(),
            // a command rejected before reaching its account may carry an unstorable time
            outcome.hasAccountState() ? command.occurredAt() : null,
            outcome.event(),
            decision.source(),
            outcome.accountVersion(),
            outcome.balance()));
  }

  /**
   * Records the decisions in one bulk write. Idempotent: the same command always decides the same
   * outcome.
   */
  public void decideAll(List<PreparedDecision> decisions) {
    if (decisions.isEmpty()) {
      return;
    }
    BulkWrites.upsertEach(
        commands, decisions, decision -> eq("_id", decision.commandId()), PreparedDecision::update);
  }

  /**
   * Records that a record was dead-lettered, so that its command is REJECTED rather than PENDING
   * for ever, and a duplicate of it is not applied later.
   *
   * @return false if another record of the same command was already decided (this one is a
   *     duplicate: the command has its outcome, and this record announces nothing)
   */
  public boolean recordRejection(CommandRejected rejection, String source) {
    String id = rejection.commandId().toString();
    Document existing = commands.find(eq("_id", id)).first();
    if (existing != null
        && DECIDED.contains(existing.getString(Commands.STATUS))
        && existing.getString(Commands.EVENT) != null
        && !source.equals(existing.getString("source"))) {
      return false;
    }
    commands.updateOne(
        eq("_id", id),
        decisionUpdate(
            rejection.userId(),
            rejection.commandType(),
            null,
            rejection,
            source,
            LedgerOutcome.NO_ACCOUNT,
            LedgerOutcome.NO_ACCOUNT),
        new UpdateOptions().upsert(true));
    return true;
  }

  private static Bson decisionUpdate(
      String userId,
      String type,
      Instant acceptedAt,
      RewardsEvent event,
      String source,
      long accountVersion,
      long balance) {
    List<Bson> updates = new ArrayList<>();
    updates.add(
        set(Commands.STATUS, event.rejectsItsCommand() ? Commands.REJECTED : Commands.APPLIED));
    updates.add(set(Commands.EVENT, new String(MessageJson.write(event), StandardCharsets.UTF_8)));
    updates.add(set("accountVersion", accountVersion));
    updates.add(set("balance", balance));
    updates.add(set("decidedAt", Date.from(event.occurredAt())));
    updates.add(set("source", source));
    updates.add(setOnInsert(Commands.USER_ID, userId));
    updates.add(setOnInsert(Commands.TYPE, type));
    if (acceptedAt != null) {
      updates.add(setOnInsert(Commands.ACCEPTED_AT, Date.from(acceptedAt)));
    }
    return combine(updates);
  }

  private static RecordedDecision recorded(Document doc) {
    return new RecordedDecision(
        new LedgerOutcome(
            MessageJson.readEvent(doc.getString(Commands.EVENT).getBytes(StandardCharsets.UTF_8)),
            doc.get("accountVersion", Number.class).longValue(),
            doc.get("balance", Number.class).longValue(),
            true),
        doc.getString("source"));
  }

  /** A command's outcome and the record that decided it, to be written. */
  public record Decision(RewardsCommand command, LedgerOutcome outcome, String source) {}

  /** A decision as the store update that records it. */
  public record PreparedDecision(String commandId, Bson update) {}

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
