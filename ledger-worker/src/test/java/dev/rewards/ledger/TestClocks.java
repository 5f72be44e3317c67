package dev.rewards.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** Clocks tests move by hand: time passes only when a test says so, never by waiting. */
public final class TestClocks {

  private TestClocks() {}

  /** A UTC clock that reads {@code now} each time it is asked. */
  public static Clock following(Supplier<Instant> now) {
    return new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }
}
