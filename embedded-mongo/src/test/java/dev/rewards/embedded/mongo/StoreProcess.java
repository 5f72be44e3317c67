package dev.rewards.embedded.mongo;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The store stand-in on a file, alone in a process, so a test can kill it outright: serves on the
 * given port, says so, and serves until killed.
 */
public final class StoreProcess {

  private StoreProcess() {}

  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(SnapshotH2Backend.inFile(args[0]));
    server.bind("127.0.0.1", Integer.parseInt(args[1]));
    System.out.println("PORT " + args[1]);
    System.out.flush();
    Thread.currentThread().join();
  }
}
