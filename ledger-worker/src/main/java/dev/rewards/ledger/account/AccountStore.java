package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.PushOptions;
import dev.rewards.contracts.MessageJson;
import dev.rewards.ledger.rules.Account;
import dev.rewards.ledger.rules.Change;
import dev.rewards.ledger.rules.Hold;
import dev.rewards.ledger.rules.JournalEntry;
import dev.rewards.ledger.rules.Lot;
import dev.rewards.ledger.rules.LotBook;
import dev.rewards.ledger.rules.NextExpiry;
import dev.rewards.ledger.rules.Taken;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Accounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code accounts} collection: one document per user with its {@code balance}, a {@code
 * version} and a {@code journal} of the last commands applied to it.
 *
 * <p>Accounts are read, changed in memory ({@link Account}) and written back with one conditional
 * update each, which only lands if the account is still at the version read. A write that finds the
 * account changed (another worker got there first) changes nothing and is reported as contention,
 * so the commands are decided again on fresh state. So however often a command is delivered and
 * however many workers race, each command changes a balance at most once and no balance goes below
 * zero, without multi-document transactions.
 */
public class AccountStore {

  private final MongoCollection<Document> accounts;
  private final int journalLength;

  /**
   * @param journalLength how many recent commands each account remembers; must exceed the number of
   *     one user's commands that can be applied before their command-log entries are written
   */
  public AccountStore(MongoDatabase database, int journalLength) {
    this.accounts = database.getCollection(Accounts.NAME);
    this.journalLength = journalLength;
    // sparse: most accounts of a quiet program have nothing due soon, none of never-expiring lots
    accounts.createIndex(
        new Document(Accounts.NEXT_DUE, 1),
        new com.mongodb.client.model.IndexOptions().sparse(true));
  }

  /** How many recent commands each account remembers. */
  public int journalLength() {
    return journalLength;
  }

  /** The accounts of these users, in one query; absent ones as new, empty accounts. */
  Map<String, Account> read(Collection<String> userIds) {
    Map<String, Account> read = new HashMap<>();
    if (userIds.isEmpty()) {
      return read;
    }
    for (Document stored : accounts.find(in(StoreSchema.ID, List.copyOf(userIds)))) {
      read.put(stored.getString(StoreSchema.ID), restore(stored));
    }
    for (String userId : userIds) {
      read.computeIfAbsent(userId, id -> Account.absent(id, journalLength));
    }
    return read;
  }

  /**
   * Writes the unwritten changes of these accounts, each only if unchanged since read, in one bulk
   * write. Accounts written are marked so.
   *
   * @throws AccountContentionException if any account had changed; the others were written
   */
  void write(Collection<Account> changed) {
    List<Account> toWrite = changed.stream().filter(Account::hasUnwrittenChanges).toList();
    if (toWrite.isEmpty()) {
      return;
    }
    try {
      // an upsert whose filter misses an existing account fails with a duplicate key, naming it
      BulkWriteResult result =
          BulkWrites.upsertEach(
              accounts, toWrite, AccountStore::unchangedSinceRead, this::unwrittenChanges);
      // never short otherwise; checked all the same, as a store that answered differently would
      // lose the balance changes silently
      if (result.getMatchedCount() + result.getUpserts().size() != toWrite.size()) {
        throw new AccountContentionException(toWrite.get(0).userId());
      }
      toWrite.forEach(Account::written);
    } catch (MongoBulkWriteException e) {
      if (!BulkWrites.onlyDuplicateKeys(e)) {
        throw e;
      }
      throw new AccountContentionException(
          toWrite.get(e.getWriteErrors().get(0).getIndex()).userId());
    }
  }

  private Account restore(Document stored) {
    List<JournalEntry> journal = new ArrayList<>();
    for (Document entry : stored.getList(Accounts.JOURNAL, Document.class, List.of())) {
      List<Taken> takenFrom = takenOf(entry.getList("t", Document.class, List.of()));
      String outcome = entry.getString("o");
      Number lifetimeAfter = entry.get("l", Number.class);
      journal.add(
          new JournalEntry(
              UUID.fromString(entry.getString(Accounts.JOURNAL_COMMAND)),
              Change.Kind.valueOf(entry.getString("k")),
              entry.get("d", Number.class).longValue(),
              entry.getDate("at").toInstant(),
              takenFrom,
              outcome == null
                  ? null
                  : MessageJson.readEvent(outcome.getBytes(StandardCharsets.UTF_8)),
              lifetimeAfter == null ? null : lifetimeAfter.longValue()));
    }
    long balance = stored.get(Accounts.BALANCE, Number.class).longValue();
    Number lifetime = stored.get(Accounts.LIFETIME_POINTS, Number.class);
    List<Hold> holds = holdsOf(stored);
    long held = holds.stream().mapToLong(Hold::points).sum();
    return Account.restore(
        stored.getString(StoreSchema.ID),
        stored.get(Accounts.VERSION, Number.class).longValue(),
        journal,
        journalLength,
        lotsOf(stored, balance - held),
        lifetime != null ? lifetime.longValue() : Math.max(0, balance),
        holds);
  }

  private static List<Hold> holdsOf(Document stored) {
    List<Hold> holds = new ArrayList<>();
    for (Document hold : stored.getList(Accounts.HOLDS, Document.class, List.of())) {
      holds.add(
          new Hold(
              hold.getString("h"),
              hold.get("p", Number.class).longValue(),
              hold.getString("r"),
              ((org.bson.types.Decimal128) hold.get("v")).bigDecimalValue(),
              hold.getDate("x").toInstant(),
              takenOf(hold.getList("t", Document.class, List.of()))));
    }
    return holds;
  }

  private static List<Taken> takenOf(List<Document> parts) {
    List<Taken> taken = new ArrayList<>();
    for (Document part : parts) {
      Date earnedAt = part.getDate("e");
      Date expiresAt = part.getDate("x");
      taken.add(
          new Taken(
              part.getString("i"),
              part.get("p", Number.class).longValue(),
              earnedAt == null ? Instant.EPOCH : earnedAt.toInstant(),
              expiresAt == null ? Instant.MAX : expiresAt.toInstant()));
    }
    return taken;
  }

  /**
   * The account's lots. An account written before balances were kept as lots has one: its balance,
   * as points that never expire (their purchases' dates are not in the account) — documented.
   */
  private static LotBook lotsOf(Document stored, long balance) {
    List<Document> lots = stored.getList(Accounts.LOTS, Document.class);
    if (lots == null) {
      return new LotBook(
          balance > 0
              ? List.of(new Lot("opening-balance", balance, Instant.EPOCH, Instant.MAX))
              : List.of(),
          Math.max(0, -balance));
    }
    List<Lot> restored = new ArrayList<>(lots.size());
    for (Document lot : lots) {
      Date expires = lot.getDate("x");
      restored.add(
          new Lot(
              lot.getString("i"),
              lot.get("p", Number.class).longValue(),
              lot.getDate("e").toInstant(),
              expires == null ? Instant.MAX : expires.toInstant()));
    }
    Number debt = stored.get(Accounts.DEBT, Number.class);
    return new LotBook(restored, debt == null ? 0 : debt.longValue());
  }

  private static Document takenDocument(Taken taken) {
    Document part =
        new Document("i", taken.lotId())
            .append("p", taken.points())
            .append("e", Date.from(taken.earnedAt()));
    if (!taken.expiresAt().equals(Instant.MAX)) {
      part.append("x", Date.from(taken.expiresAt()));
    }
    return part;
  }

  /** Matches the stored account only while it is still at the version read (or still absent). */
  private static Bson unchangedSinceRead(Account account) {
    return new Document(StoreSchema.ID, account.userId())
        .append(Accounts.VERSION, account.storedVersion());
  }

  /** Adds the unwritten changes to the stored account, keeping the journal's last entries. */
  private Bson unwrittenChanges(Account account) {
    List<JournalEntry> unwritten = account.unwrittenChanges();
    List<Document> entries = new ArrayList<>(unwritten.size());
    long delta = 0;
    for (JournalEntry entry : unwritten) {
      Document journaled =
          new Document(Accounts.JOURNAL_COMMAND, entry.commandId().toString())
              .append("k", entry.kind().name())
              .append("d", entry.delta())
              .append("at", Date.from(entry.at()));
      if (entry.lifetimeAfter() != null) {
        journaled.append("l", entry.lifetimeAfter());
      }
      if (!entry.takenFrom().isEmpty()) {
        journaled.append("t", entry.takenFrom().stream().map(AccountStore::takenDocument).toList());
      }
      if (entry.outcome() != null) {
        journaled.append(
            "o", new String(MessageJson.write(entry.outcome()), StandardCharsets.UTF_8));
      }
      entries.add(journaled);
      delta += entry.delta();
    }
    List<Document> lots = new ArrayList<>();
    for (Lot lot : account.lots().lots()) {
      Document stored =
          new Document("i", lot.id())
              .append("p", lot.points())
              .append("e", Date.from(lot.earnedAt()));
      if (!lot.expiresAt().equals(Instant.MAX)) {
        stored.append("x", Date.from(lot.expiresAt()));
      }
      lots.add(stored);
    }
    Bson nextExpiry =
        account
            .lots()
            .nextExpiry()
            .<Bson>map(
                next ->
                    set(
                        Accounts.NEXT_EXPIRY,
                        new Document("at", Date.from(next.at())).append("points", next.points())))
            .orElse(com.mongodb.client.model.Updates.unset(Accounts.NEXT_EXPIRY));
    List<Document> holds = new ArrayList<>();
    Instant nextDue = account.lots().nextExpiry().map(NextExpiry::at).orElse(null);
    for (Hold hold : account.holds()) {
      holds.add(
          new Document("h", hold.id())
              .append("p", hold.points())
              .append("r", hold.rewardType())
              .append("v", new org.bson.types.Decimal128(hold.value()))
              .append("x", Date.from(hold.expiresAt()))
              .append("t", hold.taken().stream().map(AccountStore::takenDocument).toList()));
      if (nextDue == null || hold.expiresAt().isBefore(nextDue)) {
        nextDue = hold.expiresAt();
      }
    }
    return combine(
        nextDue == null
            ? com.mongodb.client.model.Updates.unset(Accounts.NEXT_DUE)
            : set(Accounts.NEXT_DUE, Date.from(nextDue)),
        set(Accounts.HOLDS, holds),
        set(Accounts.HELD_POINTS, account.heldPoints()),
        nextExpiry,
        inc(Accounts.BALANCE, delta),
        inc(Accounts.VERSION, (long) unwritten.size()),
        pushEach(Accounts.JOURNAL, entries, new PushOptions().slice(-journalLength)),
        set(Accounts.LOTS, lots),
        set(Accounts.DEBT, account.lots().debt()),
        set(Accounts.LIFETIME_POINTS, account.lifetimePoints()));
  }
}
