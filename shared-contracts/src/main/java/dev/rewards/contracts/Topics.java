package dev.rewards.contracts;

/** The Kafka topics of the system. Every record is keyed by userId. */
public final class Topics {

  /** {@link RewardsCommand}s from api-service to ledger-worker. */
  public static final String COMMANDS = "rewards.commands";

  /** {@link RewardsEvent}s: the outcome of every command, for notifier, analytics and waiters. */
  public static final String EVENTS = "rewards.events";

  /** Commands that can never be applied (undecodable or invalid), with the error in headers. */
  public static final String COMMANDS_DEAD_LETTER = "rewards.commands.dlt";

  /** Partitions per topic unless configured otherwise; bounds how far a worker group scales. */
  public static final int DEFAULT_PARTITIONS = 12;

  private Topics() {}
}
