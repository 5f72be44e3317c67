package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 (file) backend, replying only with consistent copies (see Snapshots). Same
 * file layout as {@link H2Backend}: existing data directories keep working.
 */
public class SnapshotH2Backend extends H2Backend {

  /** A backend keeping its data in {@code fileName}, created if missing. */
  public SnapshotH2Backend(String fileName) {
    super(fileName);
  }

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
