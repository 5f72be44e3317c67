package dev.rewards.embedded.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's unique indexes, ordering keys exactly as before, at a fraction
 * of the cost.
 *
 * <p>Index keys ({@link KeyValue}) are not {@link Comparable}, so H2 orders them by their Java
 * serialisation and serialises both keys on every comparison of every index lookup: a quarter of
 * the store's time under the ledger's load (profiled; docs/benchmarks.md). Here each key object is
 * serialised once, and a key of one string (every {@code _id} the services use) once per string.
 * The order, and what is written to disk, are unchanged, so existing data files and the plain
 * backend read each other's indexes.
 */
final class IndexKeyType extends ObjectDataType {

  private static final int STRING_KEYS_CACHED = 200_000; // ~40 MB, shared by every index

  // weak keys compare by identity: equal keys may serialise differently (documents with fields in
  // another order), and each object is tied to its own bytes
  private final Cache<KeyValue, byte[]> serialised = Caffeine.newBuilder().weakKeys().build();

  // a key of one string serialises the same whatever the instance: cached by its content, so the
  // fresh key of every lookup and keys re-read from disk are found too
  private final Cache<String, byte[]> serialisedStrings =
      Caffeine.newBuilder().maximumSize(STRING_KEYS_CACHED).build();

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue first && b instanceof KeyValue second) {
      return a == b ? 0 : compareNotNull(serialised(first), serialised(second));
    }
    return super.compare(a, b);
  }

  private byte[] serialised(KeyValue key) {
    if (key.size() == 1 && key.get(0) instanceof String string) {
      return serialisedStrings.get(string, value -> serialize(key));
    }
    return serialised.get(key, ObjectDataType::serialize);
  }
}
