package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
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
 */
final class InsertionOrderedH2Collection extends H2Collection {

  private static final String LAST_POSITION = "lastPosition";

  private final MVMap<Object, Document> documents;
  private final MVMap<String, Object> meta;
  private long lastPosition;

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

  // the collection's lock is held: AbstractSynchronizedMongoCollection
  @Override
  protected Object addDocumentInternal(Document document) {
    Long position = ++lastPosition;
    meta.put(LAST_POSITION, position);
    documents.put(position, document);
    return position;
  }
}
