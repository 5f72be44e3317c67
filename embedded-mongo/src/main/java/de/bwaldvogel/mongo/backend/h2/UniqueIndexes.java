package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * Opens mongo-java-server's H2 unique index over a map the caller opened, so that the map can be
 * given a key type of the caller's (the constructor is package-private, hence this class in the
 * library's package). Used by {@code dev.rewards.embedded.mongo.SnapshotH2Backend}.
 */
public final class UniqueIndexes {

  private UniqueIndexes() {}

  public static H2UniqueIndex over(
      MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    return new H2UniqueIndex(map, name, keys, sparse);
  }
}
