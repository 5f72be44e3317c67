package dev.rewards.ledger.expiry;

import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.rewards.contracts.ExpirePoints;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Finds the accounts with something due — lots to expire, holds to release — by the index on {@code
 * nextDue}, never by reading every account, and sends each an {@link ExpirePoints} and a {@link
 * ReleaseHold} per expired hold on its user's partition, so that the ledger applies them like any
 * command.
 *
 * <p>Nothing here needs to run once: each command's id is derived from the user and the due time,
 * so the same due lots scheduled by several instances, or again after a restart, are one command to
 * the ledger, applied once; a lot spent meanwhile is simply not there to expire. What is due stays
 * in the store until applied, so nothing is forgotten across restarts. A command sent is not sent
 * again by this instance for {@code resendAfter}, so a slow ledger is not flooded.
 */
public class ExpiryScheduler {

  private final MongoCollection<Document> accounts;
  private final Consumer<List<RewardsCommand>> send;
  private final Clock clock;
  private final int batchSize;
  private final Duration resendAfter;
  private final Map<UUID, Instant> sent = new ConcurrentHashMap<>();

  /**
   * @param send publishes the commands, all or none
   * @param batchSize the most accounts one scan schedules
   */
  public ExpiryScheduler(
      MongoDatabase database,
      Consumer<List<RewardsCommand>> send,
      Clock clock,
      int batchSize,
      Duration resendAfter) {
    this.accounts = database.getCollection(Accounts.NAME);
    this.send = send;
    this.clock = clock;
    this.batchSize = batchSize;
    this.resendAfter = resendAfter;
  }

  /**
   * Schedules what is due now in every account due (up to the batch size, earliest due first).
   *
   * @return the commands sent
   */
  public List<RewardsCommand> scan() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    sent.values().removeIf(at -> at.plus(resendAfter).isBefore(now));
    List<RewardsCommand> due = new ArrayList<>();
    for (Document account :
        accounts
            .find(lte(Accounts.NEXT_DUE, Date.from(now)))
            .projection(
                include(
                    StoreSchema.ID,
                    Accounts.NEXT_EXPIRY,
                    Accounts.HOLDS + ".h",
                    Accounts.HOLDS + ".x"))
            .sort(Sorts.ascending(Accounts.NEXT_DUE))
            .limit(batchSize)) {
      String userId = account.getString(StoreSchema.ID);
      Document nextExpiry = account.get(Accounts.NEXT_EXPIRY, Document.class);
      if (nextExpiry != null && !nextExpiry.getDate("at").toInstant().isAfter(now)) {
        UUID commandId = ExpirePoints.idFor(userId, nextExpiry.getDate("at").toInstant());
        if (!sent.containsKey(commandId)) {
          due.add(new ExpirePoints(commandId, userId, now, now));
        }
      }
      for (Document hold : account.getList(Accounts.HOLDS, Document.class, List.of())) {
        if (!hold.getDate("x").toInstant().isAfter(now)) {
          UUID holdId = UUID.fromString(hold.getString("h"));
          UUID commandId = ReleaseHold.expiryIdFor(holdId);
          if (!sent.containsKey(commandId)) {
            due.add(new ReleaseHold(commandId, userId, holdId, ReleaseHold.EXPIRED, now));
          }
        }
      }
    }
    if (!due.isEmpty()) {
      send.accept(due);
      due.forEach(command -> sent.put(command.commandId(), now));
    }
    return due;
  }
}
