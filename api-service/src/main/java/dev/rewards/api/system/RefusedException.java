package dev.rewards.api.system;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that knows its own answer: status, title, detail (the message) and, for bad input, the
 * request field at fault. Features throw their own subclasses; {@code ProblemResponses} answers
 * them all without knowing each one.
 */
public abstract class RefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final String field;

  protected RefusedException(
      HttpStatus status, String title, String detail, String field, Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /** Response headers the answer carries, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
