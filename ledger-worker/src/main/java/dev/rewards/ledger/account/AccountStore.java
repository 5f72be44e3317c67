package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code accounts} collection: one document per user with its {@code balance}, a {@code
 * version} and a {@code journal} of the last commands applied to it.
 *
 * <p>Every change is a single-document atomic update whose filter refuses a command already in the
 * journal, and, for a redemption, a balance that does not cover it. So however often a command is
 * delivered and however many redemptions race, each command changes a balance at most once and no
 * balance goes below zero, without multi-document transactions.
 */
public class AccountStore {

  public static final String COLLECTION = "accounts";

  private final MongoCollection<Document> accounts;
  private final int journalLength;

  /**
   * @param journalLength how many recent commands each account remembers; must exceed the number of
   *     one user's commands that can be applied before their command-log entries are written
   */
  public AccountStore(MongoDatabase database, int journalLength) {
    this.accounts = database.getCollection(COLLECTION);
    this.journalLength = journalLength;
  }

  /** How many recent commands each account remembers. */
  public int journalLength() {
    return journalLength;
  }

  /** Adds points, creating the account on first use. Empty if the command was already applied. */
  public Optional<Change> credit(String userId, UUID commandId, long points, Instant at) {
    return update(
        notYetApplied(userId, commandId), Change.Kind.EARNED, points, commandId, at, true);
  }

  /** Takes points only if the balance covers them. Empty if not covered or already applied. */
  public Optional<Change> debit(String userId, UUID commandId, long points, Instant at) {
    Bson covered = and(notYetApplied(userId, commandId), gte("balance", points));
    return update(covered, Change.Kind.REDEEMED, -points, commandId, at, false);
  }

  /**
   * Records that a redemption was refused, only if the balance really does not cover it. The
   * refusal goes into the journal so that a redelivered redemption stays refused even if the
   * balance has grown since.
   */
  public Optional<Change> refuse(String userId, UUID commandId, long points, Instant at) {
    Bson notCovered = and(notYetApplied(userId, commandId), lt("balance", points));
    return update(notCovered, Change.Kind.REFUSED, 0, commandId, at, true);
  }

  /** The change a command made, if it is still in its account's journal. */
  public Optional<Change> find(String userId, UUID commandId) {
    Document account = accounts.find(eq("_id", userId)).first();
    if (account == null) {
      return Optional.empty();
    }
    List<Document> journal = account.getList("journal", Document.class, List.of());
    for (int i = journal.size() - 1; i >= 0; i--) {
      if (commandId.toString().equals(journal.get(i).getString("c"))) {
        return Optional.of(changeAt(account, journal, i));
      }
    }
    return Optional.empty();
  }

  private Optional<Change> update(
      Bson filter, Change.Kind kind, long delta, UUID commandId, Instant at, boolean upsert) {
    Document entry =
        new Document("c", commandId.toString())
            .append("k", kind.name())
            .append("d", delta)
            .append("at", Date.from(at));
    Bson update =
        combine(
            inc("balance", delta),
            inc("version", 1L),
            pushEach("journal", List.of(entry), new PushOptions().slice(-journalLength)));
    FindOneAndUpdateOptions options =
        new FindOneAndUpdateOptions().upsert(upsert).returnDocument(ReturnDocument.AFTER);
    try {
      Document account = accounts.findOneAndUpdate(filter, update, options);
      if (account == null) {
        return Optional.empty();
      }
      List<Document> journal = account.getList("journal", Document.class);
      return Optional.of(changeAt(account, journal, journal.size() - 1));
    } catch (MongoException e) {
      // The upsert found no document matching the filter but the account exists: the command is
      // already in its journal, or the balance moved. The caller looks again.
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Bson notYetApplied(String userId, UUID commandId) {
    return and(eq("_id", userId), ne("journal.c", commandId.toString()));
  }

  /** Rebuilds the change of journal entry {@code index} from the entries after it. */
  private static Change changeAt(Document account, List<Document> journal, int index) {
    long balance = account.get("balance", Number.class).longValue();
    long version = account.get("version", Number.class).longValue();
    for (int later = index + 1; later < journal.size(); later++) {
      balance -= journal.get(later).get("d", Number.class).longValue();
      version--;
    }
    Document entry = journal.get(index);
    return new Change(
        Change.Kind.valueOf(entry.getString("k")),
        entry.get("d", Number.class).longValue(),
        balance,
        version,
        entry.getDate("at").toInstant());
  }
}
