package dev.rewards.ledger.account;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;

import com.mongodb.client.model.PushOptions;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Accounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One account as read from the store, with the changes of the commands applied to it since, which
 * {@link AccountStore#write} stores in one conditional update: only if the account is still at the
 * version it was read at.
 *
 * <p>The journal holds the last {@code journalLength} changes ({@code c} command, {@code k} kind,
 * {@code d} balance change, {@code at} time), here exactly as the store will hold it once written.
 */
final class Account {

  private final String userId;
  private final int journalLength;
  private final List<Document> journal;
  private final List<Document> unwritten = new ArrayList<>();
  private long storedVersion;
  private long balance;
  private long version;

  private Account(String userId, long balance, long version, List<Document> journal, int length) {
    this.userId = userId;
    this.balance = balance;
    this.version = version;
    this.storedVersion = version;
    this.journal = new ArrayList<>(journal);
    this.journalLength = length;
  }

  static Account of(Document stored, int journalLength) {
    return new Account(
        stored.getString(StoreSchema.ID),
        stored.get(Accounts.BALANCE, Number.class).longValue(),
        stored.get(Accounts.VERSION, Number.class).longValue(),
        stored.getList(Accounts.JOURNAL, Document.class, List.of()),
        journalLength);
  }

  /** An account not yet in the store: it is created by its first write. */
  static Account absent(String userId, int journalLength) {
    return new Account(userId, 0, 0, List.of(), journalLength);
  }

  String userId() {
    return userId;
  }

  long balance() {
    return balance;
  }

  /** The change a command made, if it is in the journal. */
  Optional<Change> find(UUID commandId) {
    String id = commandId.toString();
    for (int i = journal.size() - 1; i >= 0; i--) {
      if (id.equals(journal.get(i).getString(Accounts.JOURNAL_COMMAND))) {
        return Optional.of(changeAt(i));
      }
    }
    return Optional.empty();
  }

  /** Applies a change in memory; it reaches the store with the next {@link AccountStore#write}. */
  Change record(Change.Kind kind, long delta, UUID commandId, Instant at) {
    long newBalance =
        Math.addExact(balance, delta); // before any change: an overflow changes nothing
    Document entry =
        new Document(Accounts.JOURNAL_COMMAND, commandId.toString())
            .append("k", kind.name())
            .append("d", delta)
            .append("at", Date.from(at));
    journal.add(entry);
    if (journal.size() > journalLength) {
      journal.remove(0);
    }
    unwritten.add(entry);
    balance = newBalance;
    version++;
    return new Change(kind, delta, balance, version, at);
  }

  boolean hasUnwrittenChanges() {
    return !unwritten.isEmpty();
  }

  /** Matches the stored account only while it is still at the version read (or still absent). */
  Bson unchangedSinceRead() {
    return new Document(StoreSchema.ID, userId).append(Accounts.VERSION, storedVersion);
  }

  /** Adds the unwritten changes to the stored account. */
  Bson unwrittenChanges() {
    long delta = unwritten.stream().mapToLong(entry -> entry.getLong("d")).sum();
    return combine(
        inc(Accounts.BALANCE, delta),
        inc(Accounts.VERSION, (long) unwritten.size()),
        pushEach(
            Accounts.JOURNAL, List.copyOf(unwritten), new PushOptions().slice(-journalLength)));
  }

  void written() {
    storedVersion = version;
    unwritten.clear();
  }

  /** Rebuilds the change of journal entry {@code index} from the entries after it. */
  private Change changeAt(int index) {
    long balanceAfter = balance;
    long versionAfter = version;
    for (int later = index + 1; later < journal.size(); later++) {
      balanceAfter -= journal.get(later).get("d", Number.class).longValue();
      versionAfter--;
    }
    Document entry = journal.get(index);
    return new Change(
        Change.Kind.valueOf(entry.getString("k")),
        entry.get("d", Number.class).longValue(),
        balanceAfter,
        versionAfter,
        entry.getDate("at").toInstant());
  }
}
