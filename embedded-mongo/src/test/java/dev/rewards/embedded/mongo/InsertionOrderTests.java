package dev.rewards.embedded.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents are kept under positions in insertion order, never reusing one across restarts. */
class InsertionOrderTests {

  @TempDir Path dir;

  @Test
  void documentsInsertedAfterARestartKeepEveryEarlierOne() {
    String file = dir.resolve("store.mv").toString();
    List<String> ids = new ArrayList<>();
    for (int start = 1; start <= 3; start++) {
      withEntries(
          file,
          entries -> {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
              String id = UUID.randomUUID().toString();
              ids.add(id);
              batch.add(new Document("_id", id).append("n", ids.size()));
            }
            entries.insertMany(batch);
          });
    }

    withEntries(
        file,
        entries -> {
          assertThat(entries.countDocuments()).isEqualTo(300);
          for (int i = 0; i < ids.size(); i++) {
            assertThat(entries.find(eq("_id", ids.get(i))).first()).containsEntry("n", i + 1);
          }
        });
  }

  @Test
  void aScanWithoutSortReturnsDocumentsInTheOrderTheyWereInserted() {
    List<String> ids = List.of("m", "z", "a", "q", "b");
    withEntries(
        dir.resolve("store.mv").toString(),
        entries -> {
          ids.forEach(id -> entries.insertOne(new Document("_id", id)));
          entries.deleteOne(eq("_id", "q"));
          entries.insertOne(new Document("_id", "c"));

          assertThat(entries.find().map(d -> d.getString("_id")))
              .containsExactly("m", "z", "a", "b", "c");
        });
  }

  private static void withEntries(String file, Consumer<MongoCollection<Document>> work) {
    ServedFile.withCollection(file, "movements", work);
  }
}
