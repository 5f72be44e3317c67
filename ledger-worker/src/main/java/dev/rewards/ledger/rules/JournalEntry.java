package dev.rewards.ledger.rules;

import dev.rewards.contracts.RewardsEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One command as an account's journal remembers it: enough to rebuild the command's outcome however
 * often it comes again.
 *
 * @param delta the balance change (0 for a refusal)
 * @param takenFrom for a redemption, the lots its points came from
 * @param outcome a correction's outcome, see {@link Change#outcome()}; else null
 * @param lifetimeAfter the account's lifetime points right after it; null in entries journaled
 *     before they were kept
 */
public record JournalEntry(
    UUID commandId,
    Change.Kind kind,
    long delta,
    Instant at,
    List<Taken> takenFrom,
    RewardsEvent outcome,
    Long lifetimeAfter) {

  public JournalEntry {
    takenFrom = List.copyOf(takenFrom);
  }

  JournalEntry withOutcome(RewardsEvent decided) {
    return new JournalEntry(commandId, kind, delta, at, takenFrom, decided, lifetimeAfter);
  }
}
