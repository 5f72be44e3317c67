package dev.rewards.api.users;

import dev.rewards.api.system.InvalidFieldException;
import java.util.regex.Pattern;

/** The shape of a user id: 1–64 of {@code [A-Za-z0-9_.-]}, so it is safe in paths and keys. */
public final class UserIds {

  public static final String PATTERN = "[A-Za-z0-9_.-]{1,64}";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  private UserIds() {}

  /** Returns the id, or throws a 400 naming {@code field} if it is not a valid user id. */
  public static String requireValid(String field, String userId) {
    if (userId == null || !VALID.matcher(userId).matches()) {
      throw new InvalidFieldException(
          field, field + " must be 1-64 characters of letters, digits, '_', '.' or '-'");
    }
    return userId;
  }
}
