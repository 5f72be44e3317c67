package dev.rewards.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from a commandId (or, for a command the ledger schedules itself, from what it is
 * about). Re-applying a command after a crash must produce the very same ledger entry and event
 * ids, so they are name-based (UUID v3) rather than random.
 */
public final class StableIds {

  private StableIds() {}

  /** A UUID that is the same every time for the same {@code kind} and {@code commandId}. */
  public static UUID derive(String kind, UUID commandId) {
    return derive(kind, commandId.toString());
  }

  /** A UUID that is the same every time for the same {@code kind} and {@code name}. */
  public static UUID derive(String kind, String name) {
    return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
  }
}
