package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * A collection's {@code _id} index that also answers filters naming an {@code _id} value beside
 * other conditions, as MongoDB's does.
 *
 * <p>mongo-java-server uses an index only when a filter's fields are exactly the index's, so {@code
 * {_id: "u1", version: 7}} or {@code {_id: "u1", "journal.c": {$ne: …}}} — the ledger's conditional
 * account updates — scanned the whole accounts collection, making every update slower as users grew
 * (measured: docs/benchmarks.md). This index hands the collection the one document with that {@code
 * _id}; the collection still matches the full filter against it, so results are those of a scan.
 */
final class IdLookupIndex extends Index<Object> {

  private final Index<Object> ids;

  IdLookupIndex(Index<Object> ids) {
    super(ids.getName(), ids.getKeys(), false);
    this.ids = ids;
  }

  /** Whether this is a collection's {@code _id} index. */
  static boolean isIdIndex(Index<?> index) {
    return index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey());
  }

  @Override
  public boolean canHandle(Document query) {
    return ids.canHandle(query) || idEquality(query) != null;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    return ids.canHandle(query) ? ids.getPositions(query) : ids.getPositions(idEquality(query));
  }

  /**
   * {@code {_id: value}} if the filter requires that value, at its top level or in a top-level
   * {@code $and}; null otherwise (no {@code _id}, or an operator such as {@code $in} on it).
   */
  private Document idEquality(Document query) {
    Object id = query.get("_id");
    if (query.containsKey("_id") && !(id instanceof Document)) {
      Document narrowed = new Document("_id", id);
      return ids.canHandle(narrowed) ? narrowed : null;
    }
    if (query.get("$and") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        if (condition instanceof Document document) {
          Document narrowed = idEquality(document);
          if (narrowed != null) {
            return narrowed;
          }
        }
      }
    }
    return null;
  }

  // everything else is the _id index's own work

  @Override
  public Object getPosition(Document document) {
    return ids.getPosition(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    ids.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    ids.add(document, position, collection);
  }

  @Override
  public Object remove(Document document) {
    return ids.remove(document);
  }

  @Override
  public long getCount() {
    return ids.getCount();
  }

  @Override
  public boolean isEmpty() {
    return ids.isEmpty();
  }

  @Override
  public long getDataSize() {
    return ids.getDataSize();
  }

  @Override
  public void checkUpdate(
      Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    ids.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(
      Document oldDocument,
      Document newDocument,
      Object position,
      MongoCollection<Object> collection)
      throws KeyConstraintError {
    ids.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public void drop() {
    ids.drop();
  }

  @Override
  public boolean isUnique() {
    return ids.isUnique();
  }
}
