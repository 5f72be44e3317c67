package dev.rewards.api.system;

/** The request clashes with existing state (an id or email taken); answered with 409. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
