package dev.rewards.ledger.rules;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An applied purchase as a refund needs it.
 *
 * @param commandId the earn's commandId, also its lot's id
 * @param refundedAmount the amount its refunds returned so far
 */
public record Purchase(
    UUID commandId, long points, BigDecimal amount, String category, BigDecimal refundedAmount) {

  /** What is left to refund. */
  public BigDecimal refundable() {
    return amount.subtract(refundedAmount);
  }
}
