package dev.rewards.api.commands;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code commands} collection as api-service sees it: it notes a command as PENDING once the
 * broker has acknowledged it; ledger-worker records the decision in the same document.
 */
@Component
public class CommandStatusStore {

  private final MongoCollection<Document> commands;

  CommandStatusStore(MongoDatabase database) {
    this.commands = database.getCollection("commands");
  }

  /** Notes an accepted command; never overwrites a decision the worker may already have made. */
  public void recordAccepted(RewardsCommand command) {
    commands.updateOne(
        eq("_id", command.commandId().toString()),
        combine(
            setOnInsert("userId", command.userId()),
            setOnInsert("type", command instanceof EarnPoints ? "EARN" : "REDEEM"),
            setOnInsert("status", "PENDING"),
            setOnInsert("acceptedAt", Date.from(command.occurredAt()))),
        new UpdateOptions().upsert(true));
  }

  /** The outcome event of a decided command, if it is decided. */
  public Optional<RewardsEvent> decidedEvent(UUID commandId) {
    return find(commandId)
        .map(doc -> doc.getString("event"))
        .map(event -> MessageJson.readEvent(event.getBytes(StandardCharsets.UTF_8)));
  }

  public Optional<Document> find(UUID commandId) {
    return Optional.ofNullable(commands.find(eq("_id", commandId.toString())).first());
  }
}
