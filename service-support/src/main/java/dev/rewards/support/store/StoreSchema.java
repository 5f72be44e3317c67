package dev.rewards.support.store;

/**
 * The collections and fields that more than one service reads or writes: ledger-worker writes
 * accounts, ledger entries and decisions; api-service reads them (balances, histories, statuses,
 * the admin summary) and writes PENDING notes; analytics-worker recounts from them. Naming them in
 * one place keeps a rename from breaking a reader silently. Fields one service alone uses stay in
 * that service.
 */
public final class StoreSchema {

  private StoreSchema() {}

  /** Every document's key. */
  public static final String ID = "_id";

  /** One document per user ({@code _id} = userId), written by ledger-worker only. */
  public static final class Accounts {
    public static final String NAME = "accounts";
    public static final String BALANCE = "balance";
    public static final String VERSION = "version";

    /**
     * The last commands applied: {@code c} commandId, {@code k} kind, {@code d} delta, {@code at},
     * {@code t} the lots a redemption took ({@code [{i, p, e, x?}]}), {@code o} a correction's
     * outcome event (JSON), {@code l} the lifetime points after it.
     */
    public static final String JOURNAL = "journal";

    public static final String JOURNAL_COMMAND = "c";

    /**
     * The points the balance is made of: {@code i} the earning commandId, {@code p} points left,
     * {@code e} earned at, {@code x} expires at (absent: never).
     */
    public static final String LOTS = "lots";

    /** Points refunds took beyond the lots; the next earns pay it first. */
    public static final String DEBT = "debt";

    /** Points ever earned, less those reversed by refunds. */
    public static final String LIFETIME_POINTS = "lifetimePoints";

    /**
     * When the next lots expire and how many points they hold: {@code {at, points}}; absent when no
     * lot ever expires. Shown in the balance read.
     */
    public static final String NEXT_EXPIRY = "nextExpiry";

    /**
     * Active holds: {@code [{h holdId, p points, r rewardType, v value, x expires at, t lots taken
     * [{i, p, e, x?}]}]}.
     */
    public static final String HOLDS = "holds";

    /** Σ of the active holds' points: in the balance, not available. */
    public static final String HELD_POINTS = "heldPoints";

    /**
     * The earliest of {@code nextExpiry.at} and the holds' expiry: when the expiry scheduler must
     * next look at the account (indexed; absent when nothing is ever due).
     */
    public static final String NEXT_DUE = "nextDue";

    private Accounts() {}
  }

  /** One document per accepted command ({@code _id} = commandId): its status and outcome. */
  public static final class Commands {
    public static final String NAME = "commands";
    public static final String USER_ID = "userId";
    public static final String TYPE = "type";
    public static final String STATUS = "status";

    /** The outcome event as JSON, once decided. */
    public static final String EVENT = "event";

    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String PENDING = "PENDING";
    public static final String APPLIED = "APPLIED";
    public static final String REJECTED = "REJECTED";

    private Commands() {}
  }

  /** Points earned, one per applied purchase ({@code _id} derived from its commandId). */
  public static final class Transactions {
    public static final String NAME = "transactions";
    public static final String USER_ID = "userId";
    public static final String COMMAND_ID = "commandId";
    public static final String AMOUNT = "amount";
    public static final String CATEGORY = "category";
    public static final String POINTS_EARNED = "pointsEarned";

    /** When the purchase happened at the point of sale. */
    public static final String TIMESTAMP = "timestamp";

    /** The {@code Idempotency-Key} the purchase was sent with, if any: refunds may name it. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** The refunds applied to it: {@code [{c refund commandId, amount, points, at}]}. */
    public static final String REFUNDS = "refunds";

    public static final String REFUND_COMMAND = "c";

    /** The amount refunded so far (absent: none). */
    public static final String REFUNDED_AMOUNT = "refundedAmount";

    /** The points its refunds reversed so far (absent: none). */
    public static final String POINTS_REVERSED = "pointsReversed";

    private Transactions() {}
  }

  /** Rewards redeemed, one per applied redemption ({@code _id} derived from its commandId). */
  public static final class Redemptions {
    public static final String NAME = "redemptions";
    public static final String USER_ID = "userId";
    public static final String COMMAND_ID = "commandId";
    public static final String POINTS_REDEEMED = "pointsRedeemed";
    public static final String REWARD_TYPE = "rewardType";
    public static final String VALUE = "value";
    public static final String TIMESTAMP = "timestamp";

    /**
     * The lots the points came from: {@code [{lot, points, earnedAt, expiresAt?}]} (no expiresAt:
     * never).
     */
    public static final String LOTS = "lots";

    /**
     * Set once the redemption is cancelled: {@code {commandId, at, pointsRestored,
     * pointsExpiredMeanwhile, reason?}}.
     */
    public static final String CANCELLATION = "cancellation";

    private Redemptions() {}
  }

  /**
   * The statement: one document per applied command that moved a balance ({@code _id} derived from
   * its commandId), signed, with the balance after it. For every user the points add up to the
   * balance.
   */
  public static final class Movements {
    public static final String NAME = "movements";
    public static final String USER_ID = "userId";
    public static final String COMMAND_ID = "commandId";

    /** EARN, REDEEM, REFUND, REDEMPTION_CANCELLED, ADJUST. */
    public static final String KIND = "kind";

    /** Signed. */
    public static final String POINTS = "points";

    public static final String BALANCE_AFTER = "balanceAfter";

    /** The account version right after the movement: orders a user's movements. */
    public static final String VERSION = "version";

    public static final String OCCURRED_AT = "occurredAt";
    public static final String REASON = "reason";

    /** What the movement refers to: the refunded purchase, the cancelled redemption, a receipt. */
    public static final String REFERENCE = "reference";

    private Movements() {}
  }

  /**
   * Operators' corrections, one per applied adjustment ({@code _id} derived from its commandId).
   */
  public static final class Adjustments {
    public static final String NAME = "adjustments";
    public static final String USER_ID = "userId";
    public static final String COMMAND_ID = "commandId";

    /** Signed: a credit is positive, a debit negative. */
    public static final String DELTA = "delta";

    public static final String REASON = "reason";
    public static final String ACTOR = "actor";
    public static final String TIMESTAMP = "timestamp";

    private Adjustments() {}
  }
}
