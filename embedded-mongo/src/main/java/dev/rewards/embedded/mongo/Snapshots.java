package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the stand-in needs copies: mongo-java-server updates a stored document in place and replies
 * with references to stored documents, which are serialised only after its collection lock is
 * released. A reply can then show part of another client's later update: say, the account journal
 * of the next redemption beside the balance of this one. MongoDB replies with a consistent image of
 * each document. SnapshotH2Backend answers one command at a time and copy the reply before the next
 * command may change anything.
 */
final class Snapshots {

  private Snapshots() {}

  static Document of(Document reply) {
    return reply == null ? null : reply.cloneDeeply();
  }

  static QueryResult of(QueryResult result) {
    List<Document> copies = new ArrayList<>();
    for (Document document : result) {
      copies.add(of(document));
    }
    return new QueryResult(copies, result.getCursorId());
  }
}
