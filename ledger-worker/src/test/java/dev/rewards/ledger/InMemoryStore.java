package dev.rewards.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import java.net.InetSocketAddress;

/** The store engine the local stack runs, in memory on a free port, for one test. */
public final class InMemoryStore implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;

  private InMemoryStore() {
    server = new MongoServer(SnapshotH2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  public static InMemoryStore start() {
    return new InMemoryStore();
  }

  /** The {@code rewards} database, as the services name it. */
  public MongoDatabase database() {
    return client.getDatabase("rewards");
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
