package dev.rewards.ledger.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An account's points as lots, and its debt. Spending takes from the lots that expire first (then
 * the earliest earned, then the first credited); a refund takes from the refunded purchase's own
 * lot first, then the same way, and what the lots cannot cover becomes debt, which later earns pay
 * off first. The balance is the points in the lots minus the debt: negative only through a refund.
 *
 * <p>Plain arithmetic on values; the caller decides whether an operation is allowed (a redemption
 * needs the balance to cover it; a refund never does).
 */
public final class LotBook {

  /** Ties keep the order the lots were earned in: lists here are sorted stably. */
  private static final Comparator<Lot> SPENDING_ORDER =
      Comparator.comparing(Lot::expiresAt).thenComparing(Lot::earnedAt);

  private final List<Lot> lots;
  private long inLots;
  private long debt;

  public LotBook(List<Lot> lots, long debt) {
    if (debt < 0) {
      throw new IllegalArgumentException("debt is never negative: " + debt);
    }
    this.lots = new ArrayList<>(lots);
    this.lots.removeIf(lot -> lot.points() == 0);
    this.lots.sort(SPENDING_ORDER);
    this.inLots = this.lots.stream().mapToLong(Lot::points).sum();
    this.debt = debt;
  }

  public static LotBook empty() {
    return new LotBook(List.of(), 0);
  }

  /** Points in the lots minus the debt. */
  public long balance() {
    return inLots - debt;
  }

  public long debt() {
    return debt;
  }

  /** The lots with points left, in spending order. */
  public List<Lot> lots() {
    return List.copyOf(lots);
  }

  /**
   * Adds an earn's points: they pay the debt first; the rest becomes a lot.
   *
   * @return the points that paid debt
   */
  public long earn(String lotId, long points, Instant earnedAt, Instant expiresAt) {
    requirePositive(points);
    long paysDebt = Math.min(debt, points);
    debt -= paysDebt;
    if (points > paysDebt) {
      lots.add(new Lot(lotId, points - paysDebt, earnedAt, expiresAt));
      lots.sort(SPENDING_ORDER);
      inLots += points - paysDebt;
    }
    return paysDebt;
  }

  /**
   * Takes points from the lots that expire first.
   *
   * @throws IllegalStateException if the lots hold fewer points: a spend never makes debt
   */
  public List<Taken> spend(long points) {
    requirePositive(points);
    if (balance() < points) {
      throw new IllegalStateException(
          "spending " + points + " needs more than the balance " + balance());
    }
    return takeInOrder(points, lots);
  }

  /**
   * Reverses a refunded purchase's points: from its own lot first, then from the lots that expire
   * first; what they cannot cover becomes debt.
   */
  public Reversal reverse(String purchaseLotId, long points) {
    requirePositive(points);
    List<Lot> order = new ArrayList<>(lots);
    order.sort(
        Comparator.comparing((Lot lot) -> !lot.id().equals(purchaseLotId))
            .thenComparing(SPENDING_ORDER));
    long fromLots = Math.min(points, inLots);
    List<Taken> taken = takeInOrder(fromLots, order);
    long newDebt = points - fromLots;
    debt += newDebt;
    return new Reversal(taken, newDebt);
  }

  /**
   * Puts points back into the lots they were taken from (a cancelled redemption). Points whose lot
   * has expired by {@code now} are not restored.
   */
  public Restoration restore(List<Taken> taken, Instant now) {
    long restored = 0;
    long expiredMeanwhile = 0;
    for (Taken part : taken) {
      if (part.asLot().expiredAt(now)) {
        expiredMeanwhile += part.points();
        continue;
      }
      restored += part.points();
      inLots += part.points();
      int index = indexOf(part.lotId());
      if (index >= 0) {
        lots.set(index, lots.get(index).withPoints(lots.get(index).points() + part.points()));
      } else {
        lots.add(part.asLot());
        lots.sort(SPENDING_ORDER);
      }
    }
    return new Restoration(restored, expiredMeanwhile);
  }

  /**
   * Puts held points back into their lots, expired or not: points held past their lot's expiry
   * expire once released (at the next expiry scan), never while held.
   */
  public void restoreAll(List<Taken> taken) {
    for (Taken part : taken) {
      inLots += part.points();
      int index = indexOf(part.lotId());
      if (index >= 0) {
        lots.set(index, lots.get(index).withPoints(lots.get(index).points() + part.points()));
      } else {
        lots.add(part.asLot());
        lots.sort(SPENDING_ORDER);
      }
    }
  }

  /**
   * Removes what is left of the lots that expire by {@code asOf}.
   *
   * @return what expired, lot by lot, oldest first
   */
  public List<Taken> expire(Instant asOf) {
    List<Taken> expired = new ArrayList<>();
    for (Lot lot : lots) {
      if (lot.expiredAt(asOf)) {
        expired.add(Taken.from(lot, lot.points()));
        inLots -= lot.points();
      }
    }
    lots.removeIf(lot -> lot.expiredAt(asOf));
    return expired;
  }

  /** The first moment any lot expires, and the points expiring then; empty if none ever does. */
  public java.util.Optional<NextExpiry> nextExpiry() {
    Instant first = null;
    long points = 0;
    for (Lot lot : lots) {
      if (lot.expiresAt().equals(Instant.MAX)) {
        continue;
      }
      if (first == null || lot.expiresAt().isBefore(first)) {
        first = lot.expiresAt();
        points = 0;
      }
      if (lot.expiresAt().equals(first)) {
        points += lot.points();
      }
    }
    return first == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new NextExpiry(first, points));
  }

  private List<Taken> takeInOrder(long points, List<Lot> order) {
    List<Taken> taken = new ArrayList<>();
    long left = points;
    for (Lot lot : order) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.points());
      if (take > 0) {
        taken.add(Taken.from(lot, take));
        int index = indexOf(lot.id());
        lots.set(index, lots.get(index).withPoints(lots.get(index).points() - take));
        inLots -= take;
        left -= take;
      }
    }
    lots.removeIf(lot -> lot.points() == 0);
    return taken;
  }

  private int indexOf(String lotId) {
    for (int i = 0; i < lots.size(); i++) {
      if (lots.get(i).id().equals(lotId)) {
        return i;
      }
    }
    return -1;
  }

  private static void requirePositive(long points) {
    if (points <= 0) {
      throw new IllegalArgumentException("points must be positive: " + points);
    }
  }

  /** Where a refund's points came from, and how many became debt. */
  public record Reversal(List<Taken> taken, long newDebt) {}

  /** What a cancellation put back, and what had expired in the meantime. */
  public record Restoration(long restored, long expiredMeanwhile) {}
}
