package dev.rewards.embedded.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.bson.Document;

/** A store file opened by the stand-in, served for one piece of work, then closed. */
final class ServedFile {

  private ServedFile() {}

  /** Runs {@code work} on a collection of the {@code rewards} database kept in {@code file}. */
  static void withCollection(
      String file, String collection, Consumer<MongoCollection<Document>> work) {
    MongoServer server = new MongoServer(SnapshotH2Backend.inFile(file));
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      work.accept(client.getDatabase("rewards").getCollection(collection));
    } finally {
      server.shutdown();
    }
  }
}
