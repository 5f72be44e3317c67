package dev.rewards.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM, storing its data in one H2 file.
 * Good for development; production uses real MongoDB through MONGODB_URI. The backend is the
 * embedded-mongo module's, closer to MongoDB than the library's own (consistent replies, _id
 * lookups).
 */
final class LocalMongo implements AutoCloseable {

  private final MongoServer server;
  private final H2Backend backend;

  private LocalMongo(MongoServer server, H2Backend backend) {
    this.server = server;
    this.backend = backend;
  }

  static LocalMongo start(Path dir, int port) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StackException("Cannot create the store directory " + dir, e);
    }
    H2Backend backend;
    try {
      backend = SnapshotH2Backend.inFile(dir.resolve("rewards.mv").toString());
    } catch (IllegalStateException e) {
      throw new StackException(e.getMessage(), e); // a store file of an earlier format
    }
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    return new LocalMongo(server, backend);
  }

  @Override
  public void close() {
    server.shutdown(); // also closes the backend, which commits the H2 file
    if (!backend.getMvStore().isClosed()) {
      backend.close();
    }
  }
}
