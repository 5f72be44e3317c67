package dev.rewards.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.RedisServer;

/** A real redis-server (the binary shipped in embedded-redis), persisting to the data directory. */
final class LocalRedis implements AutoCloseable {

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final RedisServer server;

  private LocalRedis(RedisServer server) {
    this.server = server;
  }

  static LocalRedis start(Path dir, int port) {
    try {
      Files.createDirectories(dir);
      List<String> command =
          new ArrayList<>(
              RedisServer.newRedisServer()
                  .port(port)
                  .bind("127.0.0.1")
                  .setting("appendonly yes")
                  .setting("dir " + dir.toAbsolutePath())
                  .buildCommandArgs());
      if (Files.isExecutable(SETPRIV)) {
        // redis-server gets SIGTERM if the launcher dies, even by SIGKILL: no orphan server
        command.addAll(0, List.of(SETPRIV.toString(), "--pdeathsig", "TERM"));
      }
      RedisServer server = new RedisServer(port, command, true);
      server.start();
      return new LocalRedis(server);
    } catch (IOException | RuntimeException e) {
      throw new StackException("Could not start redis-server on port " + port + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      Console.error("redis-server did not stop cleanly: " + e.getMessage());
    }
  }
}
