package dev.rewards.ledger.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One account as read for a batch, with the changes of the commands applied to it since, to be
 * written back in one conditional update: only if the account is still at the version it was read
 * at. Plain Java: how it is stored is the store's business.
 *
 * <p>The journal holds the last {@code journalLength} changes, exactly as the store will hold it
 * once written.
 */
public final class Account {

  private final String userId;
  private final int journalLength;
  private final List<JournalEntry> journal;
  private final List<JournalEntry> unwritten = new ArrayList<>();
  private long storedVersion;
  private long balance;
  private long version;

  private Account(
      String userId, long balance, long version, List<JournalEntry> journal, int journalLength) {
    this.userId = userId;
    this.balance = balance;
    this.version = version;
    this.storedVersion = version;
    this.journal = new ArrayList<>(journal);
    this.journalLength = journalLength;
  }

  /** An account as stored. */
  public static Account restore(
      String userId, long balance, long version, List<JournalEntry> journal, int journalLength) {
    return new Account(userId, balance, version, journal, journalLength);
  }

  /** An account not yet stored: it is created by its first write. */
  public static Account absent(String userId, int journalLength) {
    return new Account(userId, 0, 0, List.of(), journalLength);
  }

  public String userId() {
    return userId;
  }

  public long balance() {
    return balance;
  }

  /** The version the account had when read (or last written): the write is conditional on it. */
  public long storedVersion() {
    return storedVersion;
  }

  public int journalLength() {
    return journalLength;
  }

  /** The change a command made, if it is in the journal. */
  public Optional<Change> find(UUID commandId) {
    for (int i = journal.size() - 1; i >= 0; i--) {
      if (commandId.equals(journal.get(i).commandId())) {
        return Optional.of(changeAt(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Applies a change in memory; it reaches the store with the next write of the account.
   *
   * @throws ArithmeticException if the balance would overflow; nothing is changed then
   */
  public Change record(Change.Kind kind, long delta, UUID commandId, Instant at) {
    long newBalance = Math.addExact(balance, delta);
    JournalEntry entry = new JournalEntry(commandId, kind, delta, at);
    journal.add(entry);
    if (journal.size() > journalLength) {
      journal.remove(0);
    }
    unwritten.add(entry);
    balance = newBalance;
    version++;
    return new Change(kind, delta, balance, version, at);
  }

  public boolean hasUnwrittenChanges() {
    return !unwritten.isEmpty();
  }

  /** The changes made since the account was read or last written, oldest first. */
  public List<JournalEntry> unwrittenChanges() {
    return List.copyOf(unwritten);
  }

  /** Marks the unwritten changes as stored. */
  public void written() {
    storedVersion = version;
    unwritten.clear();
  }

  /** Rebuilds the change of journal entry {@code index} from the entries after it. */
  private Change changeAt(int index) {
    long balanceAfter = balance;
    long versionAfter = version;
    for (int later = index + 1; later < journal.size(); later++) {
      balanceAfter -= journal.get(later).delta();
      versionAfter--;
    }
    JournalEntry entry = journal.get(index);
    return new Change(entry.kind(), entry.delta(), balanceAfter, versionAfter, entry.at());
  }
}
