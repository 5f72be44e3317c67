package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stored documents as BSON, written and read by the server's own wire codec. H2's default value
 * type Java-serialises each document, and a busy ledger's store spent more than half its time in
 * {@code ObjectOutputStream} and {@code ObjectInputStream} writing and re-reading pages (profiled;
 * docs/benchmarks.md). BSON is what the documents came over the wire as, so every value they can
 * hold round-trips.
 */
final class BsonDocumentType extends BasicDataType<Document> {

  static final BsonDocumentType INSTANCE = new BsonDocumentType();

  private BsonDocumentType() {}

  @Override
  public void write(WriteBuffer buffer, Document document) {
    ByteBuf bson = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument(document, bson);
      buffer.put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  @Override
  public Document read(ByteBuffer buffer) {
    int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer bson = buffer.slice();
    bson.limit(length);
    buffer.position(buffer.position() + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }

  /** An estimate for the page cache's accounting: entries and strings, walked, never encoded. */
  @Override
  public int getMemory(Document document) {
    return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
  }

  static long memoryOf(Object value) {
    if (value instanceof Map<?, ?> map) {
      long bytes = 48;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        bytes += 32 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
      }
      return bytes;
    }
    if (value instanceof Collection<?> values) {
      long bytes = 40;
      for (Object element : values) {
        bytes += 8 + memoryOf(element);
      }
      return bytes;
    }
    if (value instanceof CharSequence text) {
      return 40 + text.length();
    }
    return 24;
  }
}
