package dev.rewards.contracts;

/** Bytes that are not a message this version understands; such a record goes to a dead letter. */
public class MalformedMessageException extends RuntimeException {

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
