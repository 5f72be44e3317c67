package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, replying only with consistent copies (see Snapshots) and finding
 * documents by {@code _id} whenever a filter names one (see {@link IdLookupIndex}): in a file for
 * the local stack (H2Backend's layout, documents as BSON: see {@link #inFile}), or in memory for
 * tests — one engine for both, so tests exercise the store users run.
 */
public class SnapshotH2Backend extends H2Backend {

  private static final int CACHE_MB = 256;
  private static final int WRITE_BUFFER_KB = 64 * 1024;

  private SnapshotH2Backend(MVStore store) {
    super(store);
    this.durable = store.getFileStore() != null;
  }

  /** Names the format of a store file's documents and index keys; absent in the plain backend's. */
  private static final String FORMAT_MAP = "rewards.format";

  private static final String DOCUMENTS_AS_BSON = "documents: BSON";
  private static final String INDEX_KEYS = "indexKeys";
  private static final String INDEX_KEYS_AS_BSON = "BSON";

  /**
   * A backend keeping its data in {@code fileName}, created if missing. A file whose index keys are
   * still Java-serialised (written before {@link IndexKeyType}) has its indexes rewritten first.
   *
   * @throws IllegalStateException if the file holds documents in H2Backend's own format (Java
   *     serialisation), which this backend cannot read: the message says what to do
   */
  public static SnapshotH2Backend inFile(String fileName) {
    upgradeOrRefuse(fileName);
    return new SnapshotH2Backend(open(fileName));
  }

  /**
   * Checks the file's format and rewrites its index keys if needed, all or nothing: the store is
   * opened without automatic commits and closed without saving on failure, so a rewrite that fails
   * or is killed half-way leaves the file as it was, to be rewritten on the next start.
   */
  private static void upgradeOrRefuse(String fileName) {
    MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
    try {
      var format = store.<String, String>openMap(FORMAT_MAP);
      requireBsonDocuments(store, format, fileName);
      if (!INDEX_KEYS_AS_BSON.equals(format.get(INDEX_KEYS))) {
        StoreFileMigration.indexKeysToBson(store);
        format.put(INDEX_KEYS, INDEX_KEYS_AS_BSON);
      }
      store.commit();
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
    store.close();
  }

  private static void requireBsonDocuments(
      MVStore store, MVMap<String, String> format, String fileName) {
    if (DOCUMENTS_AS_BSON.equals(format.get("format"))) {
      return;
    }
    boolean holdsDocuments = store.getMapNames().stream().anyMatch(n -> n.startsWith("databases."));
    if (holdsDocuments) {
      throw new IllegalStateException(
          "The store file "
              + fileName
              + " was written by an earlier version, which kept documents Java-serialised; this"
              + " one keeps them as BSON and cannot read it. Stop the local stack and delete its"
              + " data directory (local-data/ unless REWARDS_DATA_DIR says otherwise) to start"
              + " afresh with the sample data, or set REWARDS_DATA_DIR to a new directory.");
    }
    format.put("format", DOCUMENTS_AS_BSON);
  }

  /** A backend keeping its data in memory only, for tests. */
  public static SnapshotH2Backend inMemory() {
    return new SnapshotH2Backend(new MVStore.Builder().open());
  }

  /**
   * The MVStore defaults (a 16 MB page cache, a write whenever 1 MB is unsaved) made a busy ledger
   * spend most of the store's time writing and re-reading pages, each document Java-serialised
   * (profiled; docs/benchmarks.md). A larger cache keeps the working set in memory. Since every
   * write is committed before it is answered (the group commit below), the write buffer and the
   * background writer (once a second) find little left to save; the latter still tidies the file.
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
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    Document reply;
    long write;
    synchronized (this) {
      reply = Snapshots.of(super.handleCommand(channel, databaseName, command, query));
      write = durable && getMvStore().hasUnsavedChanges() ? ++writes : 0;
    }
    if (write > 0) {
      awaitCommitted(write);
    }
    return reply;
  }

  /*
   * Group commit: a write is acknowledged only once the file holds it. MVStore otherwise writes in
   * the background within a second, so a store process killed outright lost writes it had
   * acknowledged — a ledger batch whose Kafka transaction then committed, an idempotency key whose
   * command was published (DurableWritesTests). One thread commits everything written so far while
   * the others go on answering commands; their writes go in the next commit, together. The write
   * reaches the operating system, so it survives the process, not a power cut (like MongoDB between
   * journal syncs).
   */
  private final boolean durable;
  private final Object commitLock = new Object();
  private volatile long writes;
  private long committed;

  private void awaitCommitted(long write) {
    synchronized (commitLock) {
      while (committed < write) {
        long upTo = writes; // every write counted here is complete: counted after it was applied
        getMvStore().commit();
        committed = Math.max(committed, upTo);
      }
    }
  }

  @Override
  public synchronized QueryResult handleQuery(MongoQuery query) {
    return Snapshots.of(super.handleQuery(query));
  }
}
