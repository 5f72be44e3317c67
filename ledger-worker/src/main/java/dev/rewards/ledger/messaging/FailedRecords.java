package dev.rewards.ledger.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each record (by its topic, partition and offset) has failed for a reason that is not an
 * outage, so that the listener can dead-letter one that keeps failing instead of retrying its whole
 * batch forever. Entries are dropped once a record succeeds or is dead-lettered.
 */
class FailedRecords {

  static final int ATTEMPTS = 3;

  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  record Failure(int count, RuntimeException last) {}

  void failed(String source, RuntimeException error) {
    failures.merge(
        source, new Failure(1, error), (old, now) -> new Failure(old.count() + 1, error));
  }

  /** The last error of a record that has failed on each of its allowed attempts, else null. */
  RuntimeException exhausted(String source) {
    Failure failure = failures.get(source);
    return failure != null && failure.count() >= ATTEMPTS - 1 ? failure.last() : null;
  }

  void forget(String source) {
    failures.remove(source);
  }
}
