package dev.rewards.api.commands;

import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.contracts.CommandRules;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two request headers of balance-changing requests, and what makes them valid. */
final class RequestHeaders {

  /** 1–128 visible ASCII characters. */
  private static final Pattern IDEMPOTENCY_KEY = CommandRules.IDEMPOTENCY_KEY;

  /** The {@code wait} preference of RFC 7240, among others that are ignored. */
  private static final Pattern WAIT =
      Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?([^,;\\s\"]*)\"?", Pattern.CASE_INSENSITIVE);

  private RequestHeaders() {}

  static void requireValidIdempotencyKey(String key) {
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new InvalidFieldException(
          "Idempotency-Key", "Idempotency-Key must be 1-128 visible ASCII characters");
    }
  }

  /**
   * @return the seconds to wait (1–30), or null without a wait preference
   */
  static Integer waitSeconds(String prefer) {
    if (prefer == null) {
      return null;
    }
    Matcher wait = WAIT.matcher(prefer);
    if (!wait.find()) {
      return null;
    }
    try {
      int seconds = Integer.parseInt(wait.group(1));
      if (seconds >= 1 && seconds <= 30) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidFieldException("Prefer", "Prefer: wait=N takes N from 1 to 30 seconds");
  }
}
