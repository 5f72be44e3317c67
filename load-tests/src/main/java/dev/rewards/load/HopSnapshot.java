package dev.rewards.load;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every service's per-hop timings ({@code rewards_command_hop_seconds}, median and 99th
 * percentile over about the last minute) right after the awaited confirmations, and keeps them for
 * {@link BenchReport} in {@code target/bench/hops.properties}.
 */
public final class HopSnapshot {

  private static final Pattern QUANTILE =
      Pattern.compile(
          "^rewards_command_hop_seconds\\{hop=\"([^\"]+)\",quantile=\"([0-9.]+)\"[^}]*} (\\S+)$",
          Pattern.MULTILINE);

  private static final Pattern TRANSACTION_NANOS =
      Pattern.compile(
          "^kafka_producer_txn_(?:commit|send_offsets)_time_ns_total\\{[^}]*} (\\S+)$",
          Pattern.MULTILINE);
  private static final Pattern BATCHES =
      Pattern.compile(
          "^rewards_command_hop_seconds_count\\{hop=\"ledger.store-writes\"[^}]*} (\\S+)$",
          Pattern.MULTILINE);

  private HopSnapshot() {}

  /**
   * The mean seconds a ledger batch spends committing its Kafka transaction (its offsets sent, then
   * the commit), since the ledger started: the Kafka producer's own totals over the batches
   * written. The container commits after the listener returns, so this is not one of its hops.
   */
  static java.util.Optional<Double> transactionMean(String metrics) {
    double nanos = 0;
    Matcher total = TRANSACTION_NANOS.matcher(metrics);
    while (total.find()) {
      nanos += Double.parseDouble(total.group(1));
    }
    Matcher batches = BATCHES.matcher(metrics);
    if (!batches.find() || Double.parseDouble(batches.group(1)) == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(nanos / 1e9 / Double.parseDouble(batches.group(1)));
  }

  public static void main(String[] args) throws Exception {
    String host = URI.create(Target.apiUrl()).getHost();
    Map<String, String> ports =
        Map.of(
            "api-service", System.getenv().getOrDefault("PORT", "3000"),
            "ledger-worker", System.getenv().getOrDefault("LEDGER_PORT", "3002"),
            "notifier-service", System.getenv().getOrDefault("NOTIFIER_PORT", "3001"),
            "analytics-worker", System.getenv().getOrDefault("ANALYTICS_PORT", "3003"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Properties hops = new Properties();
    for (var service : ports.entrySet()) {
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://" + host + ":" + service.getValue() + "/actuator/prometheus"))
                  .header("Authorization", "Bearer " + Target.adminToken())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (metrics.statusCode() != 200) {
        System.err.println(
            service.getKey() + " metrics answered " + metrics.statusCode() + "; hops skipped");
        continue;
      }
      Matcher line = QUANTILE.matcher(metrics.body());
      while (line.find()) {
        String quantile = line.group(2).equals("0.5") ? "p50" : "p99";
        hops.setProperty(line.group(1) + "." + quantile, line.group(3));
      }
      if (service.getKey().equals("ledger-worker")) {
        transactionMean(metrics.body())
            .ifPresent(mean -> hops.setProperty("ledger.transaction.mean", Double.toString(mean)));
      }
    }
    Path file = BenchReport.resultsDir().resolve("hops.properties");
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      hops.store(out, "per-hop seconds after the awaited confirmations");
    }
    System.out.println("hop timings of " + hops.size() / 2 + " hops kept in " + file);
  }
}
