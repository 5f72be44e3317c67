package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose documents are kept in the order they were inserted, under increasing
 * positions, rather than under their {@code _id}.
 *
 * <p>The ledger's entries and statement lines have ids derived from random command ids, so a batch
 * of inserts landed on as many pages of the document map as it had documents, and every commit of
 * the file re-encoded each of those pages whole (up to 48 documents each) for one new document.
 * Inserted in order, a batch fills the last page or two; only the {@code _id} index, whose entries
 * are a key and a position, still takes them at random. Documents written by an earlier version
 * keep their {@code _id} as position; both kinds live side by side.
 *
 * <p>An update works on a copy of each document it changes. mongo-java-server changes the document
 * it found in place and puts that same instance back; but the instance it found is the one the
 * document map holds, which a commit may be writing to the file at that moment (the group commit
 * runs beside the next commands): the file got a half-updated document, or the commit failed on the
 * change and left every later commit failing with it. A copy leaves the held instance as it was
 * until the map is given the changed one. A shallow copy is enough: mongo-java-server builds the
 * changed values on a deep copy of its own and only replaces the found document's top-level
 * entries.
 *
 * <p>Nor does it keep the collection's data size: mongo-java-server encodes a document to BSON to
 * measure it, twice per update (before and after) and once per insert or delete, and writes the sum
 * to the collection's metadata with every change. Only collection statistics ({@code collStats},
 * {@code dbStats}) report it, which nothing here reads; they keep the size last recorded.
 */
final class InsertionOrderedH2Collection extends H2Collection {

  private static final String LAST_POSITION = "lastPosition";

  private final MVMap<Object, Document> documents;
  private final MVMap<String, Object> meta;
  private long lastPosition;

  /** Set while an update runs: documents it finds are copies (the collection's lock is held). */
  private boolean updating;

  InsertionOrderedH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> documents,
      MVMap<String, Object> meta,
      CursorRegistry cursors) {
    super(database, collectionName, options, documents, meta, cursors);
    this.documents = documents;
    this.meta = meta;
    this.lastPosition = meta.get(LAST_POSITION) instanceof Long last ? last : 0L;
  }

  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  // the collection's lock is held: AbstractSynchronizedMongoCollection
  @Override
  protected Object addDocumentInternal(Document document) {
    Long position = ++lastPosition;
    meta.put(LAST_POSITION, position);
    documents.put(position, document);
    return position;
  }

  @Override
  public synchronized Document updateDocuments(
      Document selector,
      Document update,
      ArrayFilters arrayFilters,
      boolean isMulti,
      boolean isUpsert,
      Oplog oplog) {
    updating = true;
    try {
      return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
    } finally {
      updating = false;
    }
  }

  @Override
  public synchronized Document findAndModify(Document query) {
    updating = true;
    try {
      return super.findAndModify(query);
    } finally {
      updating = false;
    }
  }

  // documents found through an index
  @Override
  protected Document getDocument(Object position) {
    Document held = super.getDocument(position);
    return updating && held != null ? held.clone() : held;
  }

  // documents found by scanning the collection
  @Override
  protected QueryResult matchDocuments(
      Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
    QueryResult found = super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
    if (!updating) {
      return found;
    }
    List<Document> copies = new ArrayList<>();
    found.forEach(held -> copies.add(held.clone()));
    return new QueryResult(copies, found.getCursorId());
  }
}
