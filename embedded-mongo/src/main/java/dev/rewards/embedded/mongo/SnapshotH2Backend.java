package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, replying only with consistent copies (see Snapshots) and finding
 * documents by {@code _id} whenever a filter names one (see {@link IdLookupIndex}): in a file for
 * the local stack (same layout as {@link H2Backend}: existing data directories keep working), or in
 * memory for tests — one engine for both, so tests exercise the store users run.
 */
public class SnapshotH2Backend extends H2Backend {

  private static final int CACHE_MB = 256;
  private static final int WRITE_BUFFER_KB = 64 * 1024;

  private SnapshotH2Backend(MVStore store) {
    super(store);
  }

  /** A backend keeping its data in {@code fileName}, created if missing. */
  public static SnapshotH2Backend inFile(String fileName) {
    return new SnapshotH2Backend(open(fileName));
  }

  /** A backend keeping its data in memory only, for tests. */
  public static SnapshotH2Backend inMemory() {
    return new SnapshotH2Backend(new MVStore.Builder().open());
  }

  /**
   * The MVStore defaults (a 16 MB page cache, a write whenever 1 MB is unsaved) made a busy ledger
   * spend most of the store's time writing and re-reading pages, each document Java-serialised
   * (profiled; docs/benchmarks.md). A larger cache and write buffer keep the working set in memory;
   * changes are still written in the background within a second, and on close.
   */
  private static MVStore open(String fileName) {
    return new MVStore.Builder()
        .fileName(fileName)
        .cacheSize(CACHE_MB)
        .autoCommitBufferSize(WRITE_BUFFER_KB)
        .open();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new IdLookupH2Database(databaseName, getMvStore(), getCursorRegistry());
  }

  // The lock makes the store answer one command at a time; the copy is taken before it is released.
  @Override
  public synchronized Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    return Snapshots.of(super.handleCommand(channel, databaseName, command, query));
  }

  @Override
  public synchronized QueryResult handleQuery(MongoQuery query) {
    return Snapshots.of(super.handleQuery(query));
  }
}
