package dev.rewards.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, built from
 * Kafka's own classes. Its log directory persists, so topics and offsets survive a restart.
 */
final class LocalKafka implements AutoCloseable {

  private final KafkaRaftServer server;

  private LocalKafka(KafkaRaftServer server) {
    this.server = server;
  }

  static LocalKafka start(Path logDir, int port, int controllerPort) {
    Properties props = new Properties();
    props.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("log.dirs", logDir.toString()),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0")));
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(props, logDir);
      }
    } catch (IOException e) {
      throw new StackException("Cannot prepare the Kafka log directory " + logDir, e);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    LocalKafka kafka = new LocalKafka(server);
    kafka.awaitReady("127.0.0.1:" + port, Duration.ofSeconds(60));
    return kafka;
  }

  /** Formats an empty log directory once, as {@code kafka-storage.sh format} would. */
  private static void format(Properties props, Path logDir) throws IOException {
    Path config = logDir.resolveSibling("kafka-format.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "written by the local stack to format " + logDir);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status =
        StorageTool.execute(
            new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
            new PrintStream(output, true, StandardCharsets.UTF_8));
    Files.deleteIfExists(config);
    if (status != 0) {
      throw new StackException(
          "Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitReady(String bootstrap, Duration timeout) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "local-stack"))) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      close();
      throw new StackException("The embedded Kafka broker did not become ready: " + e, e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
