package dev.rewards.localstack;

import java.nio.file.Path;

/**
 * One piece of the infrastructure — the broker, the store or Redis — alone in a process on its data
 * directory, so a soak run can kill it outright (SIGKILL) or freeze it (SIGSTOP) and start it again
 * on the same data: {@code kafka <dir> <port> <controllerPort>}, {@code mongo <dir> <port>}, {@code
 * redis <dir> <port>}. Prints {@code READY} once it serves.
 */
public final class InfraProcess {

  private InfraProcess() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    AutoCloseable piece =
        switch (args[0]) {
          case "kafka" -> LocalKafka.start(dir, port, Integer.parseInt(args[3]));
          case "mongo" -> LocalMongo.start(dir, port);
          case "redis" -> LocalRedis.start(dir, port);
          default -> throw new IllegalArgumentException("kafka, mongo or redis: " + args[0]);
        };
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    piece.close();
                  } catch (Exception e) {
                    System.err.println("closing " + args[0] + ": " + e);
                  }
                }));
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
