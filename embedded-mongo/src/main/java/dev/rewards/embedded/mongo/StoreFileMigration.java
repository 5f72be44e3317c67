package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rewrites what an earlier version of the stand-in left in a store file in today's format. */
final class StoreFileMigration {

  private static final Logger LOG = LoggerFactory.getLogger(StoreFileMigration.class);

  private StoreFileMigration() {}

  /**
   * Rewrites every index map whose keys H2's default type Java-serialised as {@link IndexKeyType}
   * keys, in that type's order. Positions (the values) keep their type. Each index is read whole
   * into memory and written back under its name: an index of a million keys takes a few hundred
   * megabytes for the moment it is rewritten, once.
   */
  static void indexKeysToBson(MVStore store) {
    for (String name : List.copyOf(store.getMapNames())) {
      if (!isIndexMap(name)) {
        continue;
      }
      MVMap<Object, Object> serialised = store.openMap(name); // H2's default types, as written
      List<Map.Entry<Object, Object>> entries = new ArrayList<>(serialised.size());
      serialised.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
      store.removeMap(serialised);
      MVMap<KeyValue, Object> rewritten =
          store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
      entries.forEach(e -> rewritten.put((KeyValue) e.getKey(), e.getValue()));
      LOG.info("Rewrote index {} ({} keys) with BSON keys", name, entries.size());
    }
  }

  // H2Database names an index's map "<database>.<collection>._index_<index name>"
  private static boolean isIndexMap(String name) {
    return name.contains("._index_") && !name.startsWith("databases.") && !name.startsWith("meta.");
  }
}
