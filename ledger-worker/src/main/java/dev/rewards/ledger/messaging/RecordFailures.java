package dev.rewards.ledger.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * How often each record (by topic, partition and offset) has failed when applied on its own, for a
 * reason that is not an outage. Kept in the store, so that a restarted or newly assigned instance
 * continues the count instead of retrying a poison record for ever. Entries are removed once the
 * record is applied or dead-lettered.
 */
@Component
class RecordFailures {

  /** A record that failed this often on its own is dead-lettered. */
  static final int ATTEMPTS = 3;

  static final String COLLECTION = "ledgerRecordFailures";

  private final MongoCollection<Document> failures;

  RecordFailures(MongoDatabase database) {
    this.failures = database.getCollection(COLLECTION);
  }

  /** A failure recorded for a record: how many so far, and the last error. */
  record Failure(int count, String lastError) {

    boolean exhausted() {
      return count >= ATTEMPTS;
    }
  }

  Optional<Failure> of(String source) {
    return Optional.ofNullable(failures.find(eq("_id", source)).first()).map(RecordFailures::read);
  }

  /** Counts one more failure of the record; returns the count with it. */
  Failure failed(String source, Throwable error) {
    String described = error.getClass().getSimpleName() + ": " + error.getMessage();
    Document counted =
        failures.findOneAndUpdate(
            eq("_id", source),
            combine(
                inc("count", 1),
                set(
                    "lastError",
                    described.length() > 1000 ? described.substring(0, 1000) : described),
                set("lastFailedAt", new Date())),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return read(counted);
  }

  void forget(String source) {
    failures.deleteOne(eq("_id", source));
  }

  private static Failure read(Document stored) {
    return new Failure(stored.get("count", Number.class).intValue(), stored.getString("lastError"));
  }
}
