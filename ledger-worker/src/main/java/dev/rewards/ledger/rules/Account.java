package dev.rewards.ledger.rules;

import dev.rewards.contracts.RewardsEvent;
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
  private final LotBook lots;
  private final List<Hold> holds;
  private long storedVersion;
  private long version;
  private long lifetimePoints;

  private Account(
      String userId,
      long version,
      List<JournalEntry> journal,
      int journalLength,
      LotBook lots,
      long lifetimePoints,
      List<Hold> holds) {
    this.userId = userId;
    this.version = version;
    this.storedVersion = version;
    this.journal = new ArrayList<>(journal);
    this.journalLength = journalLength;
    this.lots = lots;
    this.lifetimePoints = lifetimePoints;
    this.holds = new ArrayList<>(holds);
  }

  /**
   * An account as stored: its balance is what its lots hold minus its debt.
   *
   * @param lifetimePoints points ever earned, less those reversed by refunds
   */
  public static Account restore(
      String userId,
      long version,
      List<JournalEntry> journal,
      int journalLength,
      LotBook lots,
      long lifetimePoints) {
    return restore(userId, version, journal, journalLength, lots, lifetimePoints, List.of());
  }

  /** An account as stored, with its active holds. */
  public static Account restore(
      String userId,
      long version,
      List<JournalEntry> journal,
      int journalLength,
      LotBook lots,
      long lifetimePoints,
      List<Hold> holds) {
    return new Account(userId, version, journal, journalLength, lots, lifetimePoints, holds);
  }

  /** An account not yet stored: it is created by its first write. */
  public static Account absent(String userId, int journalLength) {
    return new Account(userId, 0, List.of(), journalLength, LotBook.empty(), 0, List.of());
  }

  public String userId() {
    return userId;
  }

  /** The balance: what the lots and the holds hold, minus the debt. */
  public long balance() {
    return lots.balance() + heldPoints();
  }

  /** What redemptions, holds and debits may take: the balance less the held points. */
  public long available() {
    return lots.balance();
  }

  public long heldPoints() {
    return holds.stream().mapToLong(Hold::points).sum();
  }

  /** The holds not yet captured or released. */
  public List<Hold> holds() {
    return List.copyOf(holds);
  }

  /** The hold with this id, if it is still active. */
  public Optional<Hold> activeHold(String holdId) {
    return holds.stream().filter(hold -> hold.id().equals(holdId)).findFirst();
  }

  /** Reserves points from the lots that expire first; the balance does not change. */
  Change hold(
      UUID commandId,
      long points,
      String rewardType,
      java.math.BigDecimal value,
      Instant expiresAt,
      Instant at) {
    List<Taken> taken = lots.spend(points);
    holds.add(new Hold(commandId.toString(), points, rewardType, value, expiresAt, taken));
    return record(Change.Kind.HELD, 0, commandId, at, List.of());
  }

  /**
   * Redeems {@code points} of an active hold, from the lots it took first; the rest goes back to
   * its lots.
   */
  Change capture(UUID commandId, Hold hold, long points, Instant at) {
    holds.remove(hold);
    List<Taken> captured = new ArrayList<>();
    List<Taken> rest = new ArrayList<>();
    long left = points;
    for (Taken part : hold.taken()) {
      long take = Math.min(left, part.points());
      if (take > 0) {
        captured.add(new Taken(part.lotId(), take, part.earnedAt(), part.expiresAt()));
      }
      if (part.points() > take) {
        rest.add(new Taken(part.lotId(), part.points() - take, part.earnedAt(), part.expiresAt()));
      }
      left -= take;
    }
    lots.restoreAll(rest);
    return record(Change.Kind.REDEEMED, -points, commandId, at, captured);
  }

  /** Gives an active hold's points back to their lots; the balance does not change. */
  Change release(UUID commandId, Hold hold, Instant at) {
    holds.remove(hold);
    lots.restoreAll(hold.taken());
    return record(Change.Kind.RELEASED, 0, commandId, at, List.of());
  }

  /** The points the balance is made of, and the debt. */
  public LotBook lots() {
    return lots;
  }

  public long lifetimePoints() {
    return lifetimePoints;
  }

  /**
   * Credits an earn: its points pay the debt first, the rest becomes a lot.
   *
   * @throws ArithmeticException if the balance would overflow; nothing is changed then
   */
  public Change earn(UUID commandId, long points, Instant earnedAt, Instant expiresAt, Instant at) {
    Math.addExact(balance(), points);
    Math.addExact(lifetimePoints, points);
    lots.earn(commandId.toString(), points, earnedAt, expiresAt);
    lifetimePoints += points;
    return record(Change.Kind.EARNED, points, commandId, at, List.of());
  }

  /**
   * An operator's correction: a credit becomes a lot (paying debt first), a debit takes from the
   * lots that expire first — unless the balance does not cover it, which is refused and journaled.
   * Neither counts as points earned.
   */
  public Change adjust(UUID commandId, long delta, Instant expiresAt, Instant at) {
    if (delta > 0) {
      Math.addExact(balance(), delta);
      lots.earn(commandId.toString(), delta, at, expiresAt);
      return record(Change.Kind.ADJUSTED, delta, commandId, at, List.of());
    }
    if (available() < -delta) {
      return record(Change.Kind.REFUSED, 0, commandId, at, List.of());
    }
    List<Taken> taken = lots.spend(-delta);
    return record(Change.Kind.ADJUSTED, delta, commandId, at, taken);
  }

  /**
   * Spends points on a reward if the balance covers them, from the lots that expire first; else
   * records the refusal, so that a redelivered redemption stays refused even if the balance grows.
   */
  public Change redeem(UUID commandId, long points, Instant at) {
    if (available() < points) {
      return record(Change.Kind.REFUSED, 0, commandId, at, List.of());
    }
    List<Taken> taken = lots.spend(points);
    return record(Change.Kind.REDEEMED, -points, commandId, at, taken);
  }

  /**
   * Reverses a refunded purchase's points: from its own lot first, then the lots that expire first,
   * the rest as debt — a refund is the one change that may take the balance below zero. The points
   * no longer count as earned.
   *
   * @param points what the refund reverses; 0 (a tiny partial refund) changes no balance
   */
  public Change reverse(UUID commandId, String purchaseLotId, long points, Instant at) {
    if (points > 0) {
      lots.reverse(purchaseLotId, points);
      lifetimePoints = Math.max(0, lifetimePoints - points);
    }
    return record(Change.Kind.REVERSED, -points, commandId, at, List.of());
  }

  /**
   * Puts a cancelled redemption's points back into the lots they came from; those whose lot has
   * expired by {@code at} stay out.
   */
  public Change restore(UUID commandId, List<Taken> takenFrom, Instant at) {
    LotBook.Restoration restoration = lots.restore(takenFrom, at);
    return record(Change.Kind.RESTORED, restoration.restored(), commandId, at, List.of());
  }

  /**
   * Expires what is left of the lots due by {@code asOf}; nothing if none is (spent meanwhile).
   * Expired points still count as earned.
   */
  public Change expire(UUID commandId, Instant asOf, Instant at) {
    List<Taken> expired = lots.expire(asOf);
    long points = expired.stream().mapToLong(Taken::points).sum();
    return record(Change.Kind.EXPIRED, -points, commandId, at, expired);
  }

  /**
   * Journals a refusal that changes nothing, so that the command stays refused if it comes again.
   */
  public Change refuse(UUID commandId, Instant at) {
    return record(Change.Kind.REFUSED, 0, commandId, at, List.of());
  }

  /**
   * Keeps the outcome decided for the latest change with it in the journal (see {@link
   * Change#outcome()}).
   */
  public Change keepOutcome(Change change, RewardsEvent outcome) {
    JournalEntry last = journal.get(journal.size() - 1);
    if (last.outcome() != null || change.version() != version) {
      throw new IllegalStateException("only the latest change can take its outcome, once");
    }
    journal.set(journal.size() - 1, last.withOutcome(outcome));
    unwritten.set(unwritten.size() - 1, last.withOutcome(outcome));
    return new Change(
        change.kind(),
        change.delta(),
        change.balanceAfter(),
        change.version(),
        change.at(),
        change.takenFrom(),
        outcome,
        change.lifetimeAfter());
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
   * Journals a change already made to the lots ({@code delta} is what it did to the balance); it
   * reaches the store with the next write of the account.
   */
  private Change record(
      Change.Kind kind, long delta, UUID commandId, Instant at, List<Taken> takenFrom) {
    JournalEntry entry =
        new JournalEntry(commandId, kind, delta, at, takenFrom, null, lifetimePoints);
    journal.add(entry);
    if (journal.size() > journalLength) {
      journal.remove(0);
    }
    unwritten.add(entry);
    version++;
    return new Change(kind, delta, balance(), version, at, takenFrom, null, lifetimePoints);
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
    long balanceAfter = balance();
    long versionAfter = version;
    for (int later = index + 1; later < journal.size(); later++) {
      balanceAfter -= journal.get(later).delta();
      versionAfter--;
    }
    JournalEntry entry = journal.get(index);
    return new Change(
        entry.kind(),
        entry.delta(),
        balanceAfter,
        versionAfter,
        entry.at(),
        entry.takenFrom(),
        entry.outcome(),
        entry.lifetimeAfter());
  }
}
