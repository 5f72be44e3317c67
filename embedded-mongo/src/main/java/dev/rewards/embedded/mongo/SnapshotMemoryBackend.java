package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/** mongo-java-server's in-memory backend, replying only with consistent copies (see Snapshots). */
public class SnapshotMemoryBackend extends MemoryBackend {

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
