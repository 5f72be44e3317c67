package dev.rewards.embedded.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file written before index keys were BSON (its keys Java-serialised, as H2's default type
 * writes them) opens with its documents found by their keys and its unique keys still enforced.
 */
class StoreFileMigrationTests {

  private static final int USERS = 500;

  @TempDir Path dir;

  @Test
  void aFileWithSerialisedIndexKeysKeepsFindingAndProtectingItsKeys() {
    String file = dir.resolve("store.mv").toString();
    withUsers(
        file,
        users -> {
          users.createIndex(new Document("email", 1), new IndexOptions().unique(true));
          List<Document> added = new ArrayList<>();
          for (int i = 0; i < USERS; i++) {
            added.add(new Document("_id", "user-" + i).append("email", i + "@example.com"));
          }
          users.insertMany(added);
        });
    writeIndexKeysAsBeforeBson(file);

    for (int opening = 1; opening <= 2; opening++) { // the second finds the file migrated already
      withUsers(
          file,
          users -> {
            for (int i = 0; i < USERS; i++) {
              assertThat(users.find(eq("_id", "user-" + i)).first())
                  .containsEntry("email", i + "@example.com");
            }
            assertThat(isDuplicate(users, new Document("_id", "user-7"))).isTrue();
            assertThat(
                    isDuplicate(users, new Document("_id", "x").append("email", "7@example.com")))
                .isTrue();
          });
    }
  }

  @Test
  void aFileWrittenWithBsonKeysIsNotRewrittenOnOpen() {
    String file = dir.resolve("store.mv").toString();
    withUsers(file, users -> users.insertOne(new Document("_id", "user-1")));

    // rewritten as if Java-serialised, its keys would be misread and no longer found
    for (int opening = 1; opening <= 2; opening++) {
      withUsers(
          file,
          users -> {
            assertThat(users.find(eq("_id", "user-1")).first()).isNotNull();
            assertThat(isDuplicate(users, new Document("_id", "user-1"))).isTrue();
          });
    }
  }

  @Test
  void aRewriteThatFailsLeavesTheFileAsItWas() {
    String file = dir.resolve("store.mv").toString();
    withUsers(
        file,
        users -> {
          users.createIndex(new Document("email", 1), new IndexOptions().unique(true));
          users.insertOne(new Document("_id", "user-1").append("email", "1@example.com"));
        });
    writeIndexKeysAsBeforeBson(file);
    // a key no index holds, in the index rewritten last ("_index__id_" sorts before it)
    withRawStore(file, store -> store.openMap("rewards.users._index_email_1").put("?", "user-1"));

    assertThatThrownBy(() -> SnapshotH2Backend.inFile(file)).isInstanceOf(RuntimeException.class);

    withRawStore(
        file,
        store -> {
          for (String name : indexMaps(store)) {
            store
                .openMap(name)
                .keySet()
                .forEach(
                    key -> assertThat(key).as(name).isInstanceOfAny(KeyValue.class, String.class));
          }
          assertThat(store.<String, String>openMap("rewards.format").get("indexKeys")).isNull();
        });
  }

  private static boolean isDuplicate(MongoCollection<Document> users, Document document) {
    try {
      users.insertOne(document);
      return false;
    } catch (MongoWriteException e) {
      return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
  }

  private static void withUsers(String file, Consumer<MongoCollection<Document>> work) {
    ServedFile.withCollection(file, "users", work);
  }

  /** Rewrites every index map with H2's default key type and drops the marker, as before BSON. */
  private static void writeIndexKeysAsBeforeBson(String file) {
    MVStore store = new MVStore.Builder().fileName(file).open();
    try {
      for (String name : indexMaps(store)) {
        MVMap<KeyValue, Object> bson =
            store.openMap(
                name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>();
        bson.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
        store.removeMap(bson);
        MVMap<Object, Object> serialised = store.openMap(name);
        entries.forEach(e -> serialised.put(e.getKey(), e.getValue()));
      }
      store.<String, String>openMap("rewards.format").remove("indexKeys");
      store.commit();
    } finally {
      store.close();
    }
  }

  private static void withRawStore(String file, Consumer<MVStore> work) {
    MVStore store = new MVStore.Builder().fileName(file).open();
    try {
      work.accept(store);
      store.commit();
    } finally {
      store.close();
    }
  }

  private static List<String> indexMaps(MVStore store) {
    List<String> names =
        store.getMapNames().stream().filter(n -> n.startsWith("rewards.users._index_")).toList();
    assertThat(names).isNotEmpty();
    return names;
  }
}
