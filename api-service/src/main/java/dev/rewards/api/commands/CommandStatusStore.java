package dev.rewards.api.commands;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Commands;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code commands} collection as api-service sees it: it notes a command as PENDING once the
 * broker has acknowledged it; ledger-worker records the decision in the same document.
 *
 * <p>Notes are written in the background, many in one bulk write, so the request that was just
 * accepted never waits for the store: until its note is written, this instance answers for it from
 * memory. A note only ever inserts (never overwrites the worker's decision).
 */
@Component
public class CommandStatusStore {

  private static final Logger log = LoggerFactory.getLogger(CommandStatusStore.class);
  private static final int MAX_BULK = 1000;
  private static final int MAX_UNWRITTEN = 100_000;

  private final MongoCollection<Document> commands;
  private final BlockingQueue<RewardsCommand> unwritten = new LinkedBlockingQueue<>(MAX_UNWRITTEN);
  private final Map<UUID, RewardsCommand> notYetInStore = new ConcurrentHashMap<>();
  private final Thread writer;
  private volatile boolean running = true;

  CommandStatusStore(MongoDatabase database) {
    this.commands = database.getCollection(Commands.NAME);
    this.writer = new Thread(this::writeNotes, "pending-notes");
    writer.setDaemon(true);
    writer.start();
  }

  /** Notes an accepted command; never overwrites a decision the worker may already have made. */
  public void recordAccepted(RewardsCommand command) {
    notYetInStore.put(command.commandId(), command);
    if (!unwritten.offer(command)) {
      // the store has been unreachable for long: stop buffering, write (or fail) in the caller
      try {
        commands.updateOne(
            eq(StoreSchema.ID, command.commandId().toString()),
            note(command),
            new UpdateOptions().upsert(true));
      } finally {
        notYetInStore.remove(command.commandId());
      }
    }
  }

  /** The outcome event of a decided command, if it is decided. */
  public Optional<RewardsEvent> decidedEvent(UUID commandId) {
    return find(commandId)
        .map(doc -> doc.getString(Commands.EVENT))
        .map(event -> MessageJson.readEvent(event.getBytes(StandardCharsets.UTF_8)));
  }

  public Optional<Document> find(UUID commandId) {
    Document stored = commands.find(eq(StoreSchema.ID, commandId.toString())).first();
    if (stored != null) {
      return Optional.of(stored);
    }
    RewardsCommand accepted = notYetInStore.get(commandId);
    return accepted == null ? Optional.empty() : Optional.of(pendingDocument(accepted));
  }

  private void writeNotes() {
    List<RewardsCommand> batch = new ArrayList<>(MAX_BULK);
    while (running || !unwritten.isEmpty()) {
      try {
        RewardsCommand first = unwritten.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        unwritten.drainTo(batch, MAX_BULK - 1);
        writeUntilStored(batch);
        batch.forEach(command -> notYetInStore.remove(command.commandId()));
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void writeUntilStored(List<RewardsCommand> batch) throws InterruptedException {
    List<WriteModel<Document>> upserts = new ArrayList<>(batch.size());
    for (RewardsCommand command : batch) {
      upserts.add(
          new UpdateOneModel<>(
              eq(StoreSchema.ID, command.commandId().toString()),
              note(command),
              new UpdateOptions().upsert(true)));
    }
    long pause = 100;
    while (true) {
      try {
        commands.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        return;
      } catch (RuntimeException e) {
        if (!running) {
          // the store refuses at shutdown: the rest would fail the same way, a warning each
          int left = batch.size() + unwritten.size();
          unwritten.clear();
          log.warn(
              "{} PENDING notes not written at shutdown ({}); their commands are on the broker,"
                  + " and the ledger records each one's status when it applies it",
              left,
              e.getMessage());
          return;
        }
        log.warn("PENDING notes not written yet ({}), retrying: {}", batch.size(), e.getMessage());
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 5_000);
      }
    }
  }

  private static org.bson.conversions.Bson note(RewardsCommand command) {
    return combine(
        setOnInsert(Commands.USER_ID, command.userId()),
        setOnInsert(Commands.TYPE, command.commandType()),
        setOnInsert(Commands.STATUS, Commands.PENDING),
        setOnInsert(Commands.ACCEPTED_AT, Date.from(command.occurredAt())));
  }

  private static Document pendingDocument(RewardsCommand command) {
    return new Document(StoreSchema.ID, command.commandId().toString())
        .append(Commands.USER_ID, command.userId())
        .append(Commands.TYPE, command.commandType())
        .append(Commands.STATUS, Commands.PENDING)
        .append(Commands.ACCEPTED_AT, Date.from(command.occurredAt()));
  }

  @PreDestroy
  void flush() throws InterruptedException {
    running = false;
    writer.join(10_000);
  }
}
