package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key type of the H2 backend's unique indexes: each key written as its values in BSON, and
 * ordered by comparing the values themselves.
 *
 * <p>H2's default type Java-serialises every index key, with a fresh {@code ObjectOutputStream}
 * each, whenever a page of an index is written or read back; and since keys are not {@link
 * Comparable} it ordered them by their serialised bytes. Under the ledger's load the store spent
 * most of its commits serialising index keys and most of its index lookups deserialising them
 * (profiled; docs/benchmarks.md).
 *
 * <p>Two keys compare equal exactly when they hold the same values of the same types, as before:
 * strings, numbers, booleans, UUIDs and instants by value (an int and a long of the same value stay
 * different keys), anything else by its BSON encoding (a document's field order counts, as in
 * MongoDB). The order itself is new, so files written with the old one are migrated on open ({@link
 * SnapshotH2Backend#inFile}).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  /** Marks a value absent from the document; not a BSON type. */
  private static final byte MISSING = 0;

  private IndexKeyType() {}

  @Override
  public void write(WriteBuffer buffer, KeyValue key) {
    ByteBuf encoded = Unpooled.buffer(16 + 48 * key.size());
    try {
      for (Object value : key) {
        encode(value, encoded);
      }
      buffer.putVarInt(key.size());
      buffer.put(encoded.nioBuffer());
    } finally {
      encoded.release();
    }
  }

  @Override
  public KeyValue read(ByteBuffer buffer) {
    Object[] values = new Object[DataUtils.readVarInt(buffer)];
    ByteBuf encoded = Unpooled.wrappedBuffer(buffer.slice());
    for (int i = 0; i < values.length; i++) {
      byte type = encoded.readByte();
      values[i] = type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, encoded);
    }
    buffer.position(buffer.position() + encoded.readerIndex());
    return new KeyValue(values);
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }

  /** An estimate for the page cache's accounting, never an encoding. */
  @Override
  public int getMemory(KeyValue key) {
    long bytes = 40;
    for (Object value : key) {
      bytes += 8 + BsonDocumentType.memoryOf(value);
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  @Override
  public int compare(KeyValue a, KeyValue b) {
    if (a == b) {
      return 0;
    }
    int bySize = Integer.compare(a.size(), b.size());
    for (int i = 0; bySize == 0 && i < a.size(); i++) {
      bySize = compareValues(a.get(i), b.get(i));
    }
    return bySize;
  }

  private static int compareValues(Object a, Object b) {
    int byType = Integer.compare(rank(a), rank(b));
    if (byType != 0 || a == null || a instanceof Missing) {
      return byType; // two nulls, or two absent values, are the same key
    }
    if (a.getClass() == b.getClass()) {
      if (a instanceof String text) {
        return text.compareTo((String) b);
      }
      if (a instanceof Double number) {
        return Double.compare(number, (Double) b); // as Double.equals: -0.0 and NaN included
      }
      if (a instanceof Long number) {
        return Long.compare(number, (Long) b);
      }
      if (a instanceof Integer number) {
        return Integer.compare(number, (Integer) b);
      }
      if (a instanceof Boolean flag) {
        return Boolean.compare(flag, (Boolean) b);
      }
      if (a instanceof UUID id) {
        return id.compareTo((UUID) b);
      }
      if (a instanceof Instant instant) {
        return instant.compareTo((Instant) b);
      }
    }
    int byEncoding = Arrays.compareUnsigned(encoded(a), encoded(b));
    return byEncoding != 0 ? byEncoding : a.getClass().getName().compareTo(b.getClass().getName());
  }

  /** Absent values first, then null, then by BSON type. */
  private static int rank(Object value) {
    if (value instanceof Missing) {
      return 0;
    }
    return value == null ? 1 : 2 + (BsonEncoder.determineType(value) & 0xFF);
  }

  private static void encode(Object value, ByteBuf out) {
    if (value instanceof Missing) {
      out.writeByte(MISSING);
      return;
    }
    byte type = BsonEncoder.determineType(value);
    out.writeByte(type);
    BsonEncoder.encodeValue(type, value, out);
  }

  private static byte[] encoded(Object value) {
    ByteBuf out = Unpooled.buffer(64);
    try {
      encode(value, out);
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }
}
