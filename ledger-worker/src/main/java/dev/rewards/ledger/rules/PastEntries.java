package dev.rewards.ledger.rules;

import java.util.Optional;
import java.util.UUID;

/**
 * The purchases and redemptions a correction refers to, as they stand at the command being decided:
 * with the effect of every correction decided before it, including earlier ones of the same batch.
 * Only the user's own entries are found.
 */
public interface PastEntries {

  Optional<Purchase> purchase(String userId, UUID commandId);

  /** The purchase sent with this {@code Idempotency-Key}. */
  Optional<Purchase> purchaseByKey(String userId, String idempotencyKey);

  /** An applied redemption (a refused one is none). */
  Optional<Redemption> redemption(String userId, UUID commandId);

  /** Whether this user ever held points under this id (a hold captured or released since too). */
  boolean holdExisted(String userId, UUID holdId);

  /** For commands that refer to no earlier entry. */
  PastEntries NONE =
      new PastEntries() {
        @Override
        public Optional<Purchase> purchase(String userId, UUID commandId) {
          return Optional.empty();
        }

        @Override
        public Optional<Purchase> purchaseByKey(String userId, String idempotencyKey) {
          return Optional.empty();
        }

        @Override
        public Optional<Redemption> redemption(String userId, UUID commandId) {
          return Optional.empty();
        }

        @Override
        public boolean holdExisted(String userId, UUID holdId) {
          return false;
        }
      };
}
