package dev.rewards.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Unique indexes find a key only if the key type reads back what it wrote and calls two keys equal
 * exactly when they are the same values of the same types.
 */
class IndexKeyTypeTests {

  private final IndexKeyType type = IndexKeyType.INSTANCE;

  @Test
  void readsBackEveryKindOfKeyItWrites() {
    List<KeyValue> keys = sampleKeys(new Random(7));
    WriteBuffer buffer = new WriteBuffer();
    keys.forEach(key -> type.write(buffer, key));
    ByteBuffer written = buffer.getBuffer().flip();

    List<KeyValue> read = new ArrayList<>();
    while (written.hasRemaining()) {
      read.add(type.read(written));
    }

    assertThat(read).isEqualTo(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(type.compare(read.get(i), keys.get(i))).as("%s", keys.get(i)).isZero();
    }
  }

  @Test
  void comparesEqualExactlyTheKeysThatAreEqual() {
    List<KeyValue> keys = sampleKeys(new Random(11));
    List<KeyValue> copies = sampleKeys(new Random(11)); // equal, not the same objects
    for (KeyValue a : keys) {
      for (KeyValue b : copies) {
        assertThat(type.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
      }
    }
  }

  @Test
  void ordersKeysTheSameWayWhicheverComesFirst() {
    List<KeyValue> keys = sampleKeys(new Random(13));
    List<KeyValue> sorted = new ArrayList<>(keys);
    sorted.sort(type::compare);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = 0; j < sorted.size(); j++) {
        KeyValue a = sorted.get(i);
        KeyValue b = sorted.get(j);
        assertThat(Integer.signum(type.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(-Integer.signum(type.compare(b, a)))
            .isEqualTo(
                i == j ? 0 : Integer.signum(i - j)); // a sort is only consistent if transitive
      }
    }
  }

  @Test
  void keepsNumbersOfDifferentTypesAndDocumentsInAnotherFieldOrderApart() {
    assertThat(type.compare(new KeyValue(1), new KeyValue(1L))).isNotZero();
    assertThat(type.compare(new KeyValue(1L), new KeyValue(1.0))).isNotZero();
    assertThat(type.compare(new KeyValue(0.0), new KeyValue(-0.0))).isNotZero();
    assertThat(
            type.compare(
                new KeyValue(new Document("a", 1).append("b", 2)),
                new KeyValue(new Document("b", 2).append("a", 1))))
        .isNotZero();
    assertThat(type.compare(new KeyValue((Object) null), new KeyValue(Missing.getInstance())))
        .isNotZero();
  }

  /** Keys of the shapes the stand-in indexes: strings, numbers, ids, documents, absent, pairs. */
  private static List<KeyValue> sampleKeys(Random random) {
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keys.add(new KeyValue("user-" + random.nextInt(1_000_000)));
      keys.add(new KeyValue(new UUID(random.nextLong(), random.nextLong())));
      keys.add(new KeyValue(random.nextLong()));
    }
    keys.add(new KeyValue(""));
    keys.add(new KeyValue("é ✓ 𝄞"));
    keys.add(new KeyValue(1));
    keys.add(new KeyValue(1L));
    keys.add(new KeyValue(1.0));
    keys.add(new KeyValue(-0.0));
    keys.add(new KeyValue(Double.NaN));
    keys.add(new KeyValue(true));
    keys.add(new KeyValue(Instant.ofEpochMilli(1_764_000_000_123L)));
    keys.add(new KeyValue(new ObjectId("65a1b2c3d4e5f60718293a4b")));
    keys.add(new KeyValue(Decimal128.fromNumber(101.99)));
    keys.add(new KeyValue(new Document("a", 1).append("b", List.of("x", 2L))));
    keys.add(new KeyValue(new Document("b", List.of("x", 2L)).append("a", 1)));
    keys.add(new KeyValue(List.of(1, 2, 3)));
    keys.add(new KeyValue((Object) null));
    keys.add(new KeyValue(Missing.getInstance()));
    keys.add(new KeyValue("user-1", 3L));
    keys.add(new KeyValue("user-1", "x"));
    keys.add(new KeyValue("user-1", Missing.getInstance()));
    return keys;
  }
}
