package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a command applicable, checked by api-service before it accepts one and by
 * ledger-worker before it writes anything: a command that breaks these rules would otherwise fail
 * half-way (a date the store cannot hold, an amount it cannot encode, a balance that overflows).
 * Every rule depends only on the command itself, so a redelivered command is judged the same way
 * however late it comes.
 */
public final class CommandRules {

  /** No purchase or command is older than this. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** No command is accepted after this: far beyond any real clock, well inside what stores hold. */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** How far a purchase may be dated after the command was accepted (clock skew at the till). */
  public static final Duration MAX_PURCHASE_AHEAD = Duration.ofHours(24);

  /** How far ahead an earn may set its own expiry. */
  public static final Duration MAX_EXPIRY_AHEAD = Duration.ofDays(3653);

  /** The longest a hold may last. */
  public static final Duration MAX_HOLD = Duration.ofDays(1);

  /** Points one purchase may earn, explicit or computed from its amount. */
  public static final long MAX_EARN_POINTS = 1_000_000_000L;

  public static final long MAX_REDEEM_POINTS = 10_000_000L;

  /** The most one adjustment may credit or debit. */
  public static final long MAX_ADJUST_POINTS = 1_000_000L;

  public static final int MAX_REASON_LENGTH = 200;
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
  public static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
  public static final int MAX_TEXT_LENGTH = 50;
  public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** What an {@code Idempotency-Key} may be, and so how a refund may name a purchase by it. */
  public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private CommandRules() {}

  /** A rule a command breaks: the command field at fault and why. */
  public record Violation(String field, String detail) {}

  /** Whether the command breaks no rule. */
  public static boolean isValid(RewardsCommand command) {
    return firstViolation(command).isEmpty();
  }

  /** The first rule the command breaks, if any. */
  public static Optional<Violation> firstViolation(RewardsCommand command) {
    Optional<Violation> common = common(command);
    if (common.isPresent()) {
      return common;
    }
    return command.accept(
        new RewardsCommand.Visitor<Optional<Violation>>() {
          @Override
          public Optional<Violation> earn(EarnPoints earn) {
            return CommandRules.earn(earn);
          }

          @Override
          public Optional<Violation> redeem(RedeemPoints redeem) {
            return CommandRules.redeem(redeem);
          }

          @Override
          public Optional<Violation> adjust(AdjustPoints adjust) {
            return CommandRules.adjust(adjust);
          }

          @Override
          public Optional<Violation> refund(RefundPurchase refund) {
            return CommandRules.refund(refund);
          }

          @Override
          public Optional<Violation> expire(ExpirePoints expire) {
            Instant asOf = expire.asOf();
            return asOf == null || asOf.isBefore(EARLIEST) || !asOf.isBefore(LATEST)
                ? violation("asOf", "must be between " + EARLIEST + " and " + LATEST)
                : Optional.empty();
          }

          @Override
          public Optional<Violation> hold(HoldPoints hold) {
            if (hold.points() < 1 || hold.points() > MAX_REDEEM_POINTS) {
              return violation("points", "must be between 1 and " + MAX_REDEEM_POINTS);
            }
            Optional<Violation> reward = text("rewardType", hold.rewardType());
            if (reward.isPresent()) {
              return reward;
            }
            Optional<Violation> value = decimal("value", hold.value(), true, MAX_VALUE);
            if (value.isPresent()) {
              return value;
            }
            if (hold.expiresAt() == null
                || !hold.expiresAt().isAfter(hold.occurredAt())
                || hold.expiresAt().isAfter(hold.occurredAt().plus(MAX_HOLD))) {
              return violation("expiresAt", "must be after acceptance and within a day of it");
            }
            return Optional.empty();
          }

          @Override
          public Optional<Violation> capture(CaptureHold capture) {
            if (capture.holdId() == null) {
              return violation("holdId", "is required");
            }
            if (capture.points() != null
                && (capture.points() < 1 || capture.points() > MAX_REDEEM_POINTS)) {
              return violation("points", "must be between 1 and " + MAX_REDEEM_POINTS);
            }
            return Optional.empty();
          }

          @Override
          public Optional<Violation> release(ReleaseHold release) {
            if (release.holdId() == null) {
              return violation("holdId", "is required");
            }
            return ReleaseHold.VOID.equals(release.cause())
                    || ReleaseHold.EXPIRED.equals(release.cause())
                ? Optional.empty()
                : violation("cause", "must be VOID or EXPIRED");
          }

          @Override
          public Optional<Violation> cancelRedemption(CancelRedemption cancel) {
            if (cancel.redemptionCommandId() == null) {
              return violation("redemptionCommandId", "is required");
            }
            return optionalText("reason", cancel.reason());
          }
        });
  }

  /** Whether a purchase time is acceptable for a command accepted at {@code acceptedAt}. */
  private static Optional<Violation> purchaseTime(
      String field, Instant purchasedAt, Instant acceptedAt) {
    if (purchasedAt == null) {
      return violation(field, "is required");
    }
    if (purchasedAt.isBefore(EARLIEST)) {
      return violation(field, "must not be before " + EARLIEST);
    }
    if (purchasedAt.isAfter(acceptedAt.plus(MAX_PURCHASE_AHEAD))) {
      return violation(
          field,
          "must not be more than 24 hours ahead of the server's clock when the command was accepted");
    }
    return Optional.empty();
  }

  private static Optional<Violation> common(RewardsCommand command) {
    if (!USER_ID.matcher(command.userId()).matches()) {
      return violation("userId", "must be 1-64 characters of letters, digits, '_', '.' or '-'");
    }
    Instant at = command.occurredAt();
    if (at == null || at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
      return violation("occurredAt", "must be between " + EARLIEST + " and " + LATEST);
    }
    return Optional.empty();
  }

  private static Optional<Violation> earn(EarnPoints earn) {
    if (earn.points() < 1 || earn.points() > MAX_EARN_POINTS) {
      return violation("points", "must be between 1 and " + MAX_EARN_POINTS);
    }
    Optional<Violation> text = text("category", earn.category());
    if (text.isPresent()) {
      return text;
    }
    Optional<Violation> amount = decimal("amount", earn.amount(), false, MAX_AMOUNT);
    if (amount.isPresent()) {
      return amount;
    }
    Optional<Violation> purchased =
        purchaseTime("purchasedAt", earn.purchasedAt(), earn.occurredAt());
    if (purchased.isPresent() || earn.expiresAt() == null) {
      return purchased;
    }
    if (!earn.expiresAt().isAfter(earn.occurredAt())
        || earn.expiresAt().isAfter(earn.occurredAt().plus(MAX_EXPIRY_AHEAD))) {
      return violation("expiresAt", "must be in the future and at most 10 years ahead");
    }
    return Optional.empty();
  }

  private static Optional<Violation> redeem(RedeemPoints redeem) {
    if (redeem.pointsToRedeem() < 1 || redeem.pointsToRedeem() > MAX_REDEEM_POINTS) {
      return violation("pointsToRedeem", "must be between 1 and " + MAX_REDEEM_POINTS);
    }
    Optional<Violation> text = text("rewardType", redeem.rewardType());
    if (text.isPresent()) {
      return text;
    }
    return decimal("value", redeem.value(), true, MAX_VALUE);
  }

  private static Optional<Violation> adjust(AdjustPoints adjust) {
    if (adjust.points() == 0 || Math.abs(adjust.points()) > MAX_ADJUST_POINTS) {
      return violation(
          "points",
          "must not be 0 and between -" + MAX_ADJUST_POINTS + " and " + MAX_ADJUST_POINTS);
    }
    Optional<Violation> reason = text("reason", adjust.reason(), MAX_REASON_LENGTH);
    return reason.isPresent() ? reason : text("actor", adjust.actor(), MAX_REASON_LENGTH);
  }

  private static Optional<Violation> refund(RefundPurchase refund) {
    boolean byId = refund.purchaseCommandId() != null;
    boolean byKey = refund.purchaseIdempotencyKey() != null;
    if (byId == byKey) {
      return violation(
          "purchaseCommandId",
          "or purchaseIdempotencyKey must name the purchase: exactly one of them");
    }
    if (byKey && !IDEMPOTENCY_KEY.matcher(refund.purchaseIdempotencyKey()).matches()) {
      return violation("purchaseIdempotencyKey", "must be 1-128 visible ASCII characters");
    }
    if (refund.amount() != null) {
      Optional<Violation> amount = decimal("amount", refund.amount(), false, MAX_AMOUNT);
      if (amount.isPresent()) {
        return amount;
      }
    }
    return optionalText("reason", refund.reason());
  }

  /** A reason is optional; when given, 1-200 characters. */
  private static Optional<Violation> optionalText(String field, String value) {
    return value == null ? Optional.empty() : text(field, value, MAX_REASON_LENGTH);
  }

  private static Optional<Violation> text(String field, String value) {
    return text(field, value, MAX_TEXT_LENGTH);
  }

  private static Optional<Violation> text(String field, String value, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      return violation(field, "must be 1-" + maxLength + " characters, not blank");
    }
    return Optional.empty();
  }

  private static Optional<Violation> decimal(
      String field, BigDecimal value, boolean zeroAllowed, BigDecimal max) {
    if (value == null) {
      return violation(field, "is required");
    }
    int sign = value.signum();
    if (sign < 0 || (sign == 0 && !zeroAllowed) || value.compareTo(max) > 0) {
      return violation(
          field,
          "must be "
              + (zeroAllowed ? "at least 0" : "above 0")
              + " and at most "
              + max.toPlainString());
    }
    if (value.stripTrailingZeros().scale() > 2) {
      return violation(field, "must have at most 2 decimals");
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String field, String detail) {
    return Optional.of(new Violation(field, field + " " + detail));
  }
}
