package dev.rewards.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Index keys must keep the order H2 gave them, or existing index files would be searched wrong. */
class IndexKeyTypeTests {

  private final ObjectDataType plain = new ObjectDataType();
  private final IndexKeyType cached = new IndexKeyType();

  @Test
  void ordersKeysAsTheStoreAlwaysHas() {
    List<Object> keys = sampleKeys(new Random(7));
    int compared = 0;
    for (Object a : keys) {
      for (Object b : keys) {
        assertThat(Integer.signum(cached.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(plain.compare(a, b)));
        // and again, now that both are cached
        assertThat(Integer.signum(cached.compare(a, b)))
            .isEqualTo(Integer.signum(plain.compare(a, b)));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(keys.size() * keys.size());
  }

  @Test
  void keepsFreshEqualKeysEqual() {
    assertThat(cached.compare(new KeyValue("u1"), new KeyValue("u1"))).isZero();
    assertThat(cached.compare(new KeyValue("u1"), new KeyValue("u2"))).isNotZero();
  }

  /** Keys of the shapes the stand-in indexes: strings, numbers, UUIDs, documents, null, pairs. */
  private static List<Object> sampleKeys(Random random) {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(new KeyValue("user-" + random.nextInt(1000)));
      keys.add(new KeyValue(UUID.randomUUID().toString()));
    }
    keys.add(new KeyValue(1));
    keys.add(new KeyValue(1L));
    keys.add(new KeyValue(1.0));
    keys.add(new KeyValue(-5L));
    keys.add(new KeyValue(UUID.randomUUID()));
    keys.add(new KeyValue(new Document("a", 1).append("b", 2)));
    keys.add(new KeyValue(new Document("b", 2).append("a", 1)));
    keys.add(new KeyValue((Object) null));
    keys.add(new KeyValue("user-1", 3L));
    keys.add(new KeyValue("user-1", "x"));
    keys.add("a plain string");
    keys.add(42L);
    return keys;
  }
}
