package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with faster unique indexes: keys stored and compared as {@link
 * IndexKeyType}, and {@code _id} indexes that serve any filter naming an {@code _id} ({@link
 * IdLookupIndex}); documents stored as BSON ({@link BsonDocumentType}) in insertion order ({@link
 * InsertionOrderedH2Collection}). Maps are named as H2Database names them.
 */
final class IdLookupH2Database extends H2Database {

  private final MVStore store;

  IdLookupH2Database(String name, MVStore store, CursorRegistry cursors) {
    super(name, store, cursors);
    this.store = store;
    super.initializeNamespacesAndIndexes();
  }

  /**
   * The superclass constructor opens the existing collections and their indexes, before this
   * class's fields are set; that is put off until they are (see the constructor).
   */
  @Override
  protected void initializeNamespacesAndIndexes() {
    if (store != null) {
      super.initializeNamespacesAndIndexes();
    }
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    MVMap<KeyValue, Object> map =
        store.openMap(
            mapName(collectionName, indexName),
            new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
    Index<Object> index = UniqueIndexes.over(map, indexName, keys, sparse);
    return IdLookupIndex.isIdIndex(index) && !sparse ? new IdLookupIndex(index) : index;
  }

  /**
   * As H2Database opens a collection (same map names), with its documents stored as BSON ({@link
   * BsonDocumentType}) instead of Java-serialised, in insertion order ({@link
   * InsertionOrderedH2Collection}).
   */
  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    String namespace = getFullCollectionNamespace(collectionName);
    MVMap<Object, Document> documents =
        store.openMap(
            "databases." + namespace,
            new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    MVMap<String, Object> meta = store.openMap("meta." + namespace);
    return new InsertionOrderedH2Collection(
        this, collectionName, options, documents, meta, cursorRegistry);
  }

  // the name H2Database gives an index's map, so that data files stay interchangeable with it
  private String mapName(String collectionName, String indexName) {
    return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
  }
}
