package dev.rewards.ledger.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Points reserved at checkout: taken out of their lots (so they are neither spent elsewhere nor
 * expired while held) but still part of the balance, until captured, voided or released at {@code
 * expiresAt}.
 *
 * @param id the hold's id: the commandId that made it
 * @param value what all the held points are worth as the reward
 * @param taken the lots the points came from, with their dates, to go back to
 */
public record Hold(
    String id,
    long points,
    String rewardType,
    BigDecimal value,
    Instant expiresAt,
    List<Taken> taken) {

  public Hold {
    taken = List.copyOf(taken);
  }
}
