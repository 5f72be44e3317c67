package dev.rewards.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Test fixture: a Mongo-compatible server (in memory) and a real redis-server, started once per
 * test JVM on free ports and wired into the Spring context under test. Kafka comes from
 * {@code @EmbeddedKafka}. Use with {@code @ContextConfiguration(initializers =
 * EmbeddedStores.class)}.
 */
public class EmbeddedStores
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static MongoServer mongo;
  private static RedisServer redis;
  private static int mongoPort;
  private static int redisPort;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    TestPropertyValues.of(
            "spring.mongodb.uri=" + mongoUri(),
            "spring.data.redis.url=redis://127.0.0.1:" + redisPort)
        .applyTo(context);
  }

  public static synchronized void start() {
    if (mongo == null) {
      mongo = new MongoServer(SnapshotH2Backend.inMemory());
      InetSocketAddress address = mongo.bind();
      mongoPort = address.getPort();
      redisPort = freePort();
      startRedis();
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedStores::stopAll));
    }
  }

  public static String mongoUri() {
    return "mongodb://127.0.0.1:" + mongoPort + "/rewards";
  }

  public static int redisPort() {
    return redisPort;
  }

  /** Starts (or restarts, after {@link #stopRedis()}) redis-server on the same port. */
  public static synchronized void startRedis() {
    try {
      redis =
          RedisServer.newRedisServer()
              .port(redisPort)
              .setting("bind 127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      redis.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded redis-server", e);
    }
  }

  /** Simulates a Redis outage. */
  public static synchronized void stopRedis() {
    try {
      if (redis != null && redis.isActive()) {
        redis.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stopAll() {
    stopRedis();
    if (mongo != null) {
      mongo.shutdownNow();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
