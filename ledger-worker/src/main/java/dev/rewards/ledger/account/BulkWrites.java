package dev.rewards.ledger.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The unordered bulk writes the ledger's collections share. */
final class BulkWrites {

  private BulkWrites() {}

  /** One upsert per item, unordered: a failing item does not stop the others. */
  static <T> BulkWriteResult upsertEach(
      MongoCollection<Document> collection,
      List<T> items,
      Function<T, Bson> filter,
      Function<T, Bson> update) {
    List<UpdateOneModel<Document>> writes =
        items.stream()
            .map(
                item ->
                    new UpdateOneModel<Document>(
                        filter.apply(item), update.apply(item), new UpdateOptions().upsert(true)))
            .toList();
    return collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
  }

  /** Whether every write that failed met a duplicate key, and nothing else went wrong. */
  static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
    return e.getWriteConcernError() == null
        && e.getWriteErrors().stream()
            .allMatch(
                error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
  }
}
