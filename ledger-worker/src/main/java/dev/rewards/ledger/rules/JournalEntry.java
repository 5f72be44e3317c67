package dev.rewards.ledger.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * One command as an account's journal remembers it: enough to rebuild the command's outcome however
 * often it comes again.
 *
 * @param delta the balance change (0 for a refusal)
 */
public record JournalEntry(UUID commandId, Change.Kind kind, long delta, Instant at) {}
