package dev.rewards.api.commands;

/** Kafka did not acknowledge a command in time; nothing was accepted. Answered with 503. */
public class BrokerUnavailableException extends RuntimeException {

  public BrokerUnavailableException(Throwable cause) {
    super("The message broker did not acknowledge the command; it was not accepted", cause);
  }
}
