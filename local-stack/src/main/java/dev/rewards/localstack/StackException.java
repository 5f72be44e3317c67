package dev.rewards.localstack;

/** A start-up problem the user can fix; its message says how. Printed without a stack trace. */
class StackException extends RuntimeException {

  StackException(String message) {
    super(message);
  }

  StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
