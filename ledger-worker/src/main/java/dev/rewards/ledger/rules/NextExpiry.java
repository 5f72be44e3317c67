package dev.rewards.ledger.rules;

import java.time.Instant;

/** When an account's next lots expire, and the points they hold then. */
public record NextExpiry(Instant at, long points) {}
