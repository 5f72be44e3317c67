package dev.rewards.ledger.rules;

/** Points taken from one lot, so that they can be put back into it (a cancelled redemption). */
public record Taken(String lotId, long points) {}
