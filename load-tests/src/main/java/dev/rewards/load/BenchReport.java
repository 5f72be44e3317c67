package dev.rewards.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the benchmark's table from the latest Gatling report of each simulation and the ledger
 * backlog's results: throughput, p50/p95/p99, and the ratios we track.
 */
public final class BenchReport {

  /**
   * What the original NestJS service managed here (issue 9): requests/s at 16 and 64 connections.
   */
  private static final double NEST_16 = 660;

  private static final double NEST_64 = 900;

  private static final Pattern ROW =
      Pattern.compile(
          "class=\"ellipsed-name\">([^<]+)</span>.*?((?:<td class=\"value[^\"]*\">[^<]*</td>\\s*){13})",
          Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile(">([^<]*)</td>");

  record Row(String name, long count, long ko, String p50, String p95, String p99) {}

  public static void main(String[] args) throws IOException {
    int seconds = Target.seconds();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String simulation :
        List.of(
            "ingestsimulation",
            "readsimulation",
            "contentionsimulation",
            "confirmationsimulation",
            "awaitedsimulation")) {
      latestReport(simulation).ifPresent(report -> rows.putAll(parse(report)));
    }
    System.out.println("| Measure | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|");
    double noop16 = rate(rows, "noop, 16 connections", seconds);
    double noop64 = rate(rows, "noop, 64 connections", seconds);
    double earn16 = rate(rows, "earn, 16 connections", seconds);
    double earn64 = rate(rows, "earn, 64 connections", seconds);
    line(rows, "noop, 16 connections", noop16, "reference");
    line(
        rows,
        "earn, 16 connections",
        earn16,
        "%.0f%% of noop; %.1f× NestJS (660/s)".formatted(100 * earn16 / noop16, earn16 / NEST_16));
    line(rows, "noop, 64 connections", noop64, "reference");
    line(
        rows,
        "earn, 64 connections",
        earn64,
        "%.0f%% of noop; %.1f× NestJS (900/s)".formatted(100 * earn64 / noop64, earn64 / NEST_64));
    rows.keySet().stream()
        .filter(name -> name.startsWith("batch of"))
        .findFirst()
        .ifPresent(
            name -> {
              double batches = rate(rows, name, seconds);
              line(
                  rows,
                  name,
                  batches,
                  "%.0f purchases/s; %.1f× single earns at 16"
                      .formatted(batches * 100, batches * 100 / earn16));
            });
    rows.keySet().stream()
        .filter(name -> name.startsWith("balance read"))
        .forEach(name -> line(rows, name, rate(rows, name, seconds), "cache hits"));
    rows.keySet().stream()
        .filter(name -> name.startsWith("redeem, one hot user"))
        .findFirst()
        .ifPresent(
            name -> line(rows, name, rate(rows, name, seconds), "latency to the applied outcome"));
    rows.keySet().stream()
        .filter(name -> name.startsWith("confirmation at"))
        .forEach(name -> line(rows, name, rate(rows, name, seconds), "POST → WebSocket frame"));
    rows.keySet().stream()
        .filter(name -> name.startsWith("awaited earn"))
        .forEach(
            name ->
                line(rows, name, rate(rows, name, seconds), "Prefer: wait=5 → applied outcome"));
    Path backlog = resultsDir().resolve("ledger-backlog.properties");
    if (Files.exists(backlog)) {
      Properties ledger = new Properties();
      try (Reader reader = Files.newBufferedReader(backlog)) {
        ledger.load(reader);
      }
      double insert = Double.parseDouble(ledger.getProperty("insertRate"));
      double apply = Double.parseDouble(ledger.getProperty("applyRate"));
      double steady = Double.parseDouble(ledger.getProperty("steadyRate"));
      System.out.printf(
          "| raw bulk insert, %s documents | %,.0f docs/s | | | | | reference |%n",
          ledger.getProperty("commands"), insert);
      System.out.printf(
          "| ledger apply from a backlog of %s | %,.0f commands/s (steady %,.0f) | | | | | %.0f%% of raw insert |%n",
          ledger.getProperty("commands"), apply, steady, 100 * apply / insert);
      String behind = ledger.getProperty("analyticsBehind");
      if (behind != null) {
        System.out.printf(
            "| analytics-worker behind when the ledger finished | %,.0f events | | | | | keeps up if"
                + " about one per partition |%n",
            Double.parseDouble(behind));
      }
    }
    startUps();
    hops();
  }

  /** The order a command meets its hops in; {@code rewards.command.hop} tags. */
  private static final List<String> HOPS =
      List.of(
          "api.broker-ack",
          "ledger.queued",
          "ledger.store-reads",
          "ledger.decide",
          "ledger.store-writes",
          "ledger.cache",
          "ledger.send",
          "api.outcome-delivery",
          "notifier.outcome-delivery",
          "analytics.outcome-delivery",
          "api.awaited-outcome");

  /** Per-hop medians and 99th percentiles, as {@link HopSnapshot} kept them. */
  private static void hops() throws IOException {
    Path file = resultsDir().resolve("hops.properties");
    if (!Files.exists(file)) {
      return;
    }
    Properties hops = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      hops.load(reader);
    }
    System.out.println();
    System.out.println("| Hop, during the awaited confirmations | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|");
    for (String hop : HOPS) {
      if (hop.equals("api.outcome-delivery")
          && hops.getProperty("ledger.transaction.mean") != null) {
        System.out.printf(
            "| ledger.transaction (mean since start: offsets sent, commit) | %.1f | |%n",
            1000 * Double.parseDouble(hops.getProperty("ledger.transaction.mean")));
      }
      String p50 = hops.getProperty(hop + ".p50");
      if (p50 != null) {
        System.out.printf(
            "| %s | %.1f | %.1f |%n",
            hop,
            1000 * Double.parseDouble(p50),
            1000 * Double.parseDouble(hops.getProperty(hop + ".p99", "NaN")));
      }
    }
  }

  /** The latest cold and warm start of the local stack, from the launcher's start-up log. */
  private static void startUps() throws IOException {
    String dataDir = System.getenv().getOrDefault("REWARDS_DATA_DIR", "local-data");
    Optional<Path> log =
        Stream.of(Path.of(dataDir), Path.of("..").resolve(dataDir))
            .map(dir -> dir.resolve("logs").resolve("start-up.log"))
            .filter(Files::exists)
            .findFirst();
    if (log.isEmpty()) {
      return;
    }
    List<String> lines = Files.readAllLines(log.get());
    Pattern start = Pattern.compile("ready after ([0-9.]+) s, (\\d+) of (\\d+) services");
    String cold = null;
    String warm = null;
    for (String line : lines) {
      Matcher m = start.matcher(line);
      if (m.find()) {
        if (m.group(2).equals("0")) {
          cold = m.group(1);
        } else if (m.group(2).equals(m.group(3))) {
          warm = m.group(1);
        }
      }
    }
    if (cold != null) {
      System.out.printf(
          "| local stack ready, no class data archive (first start after a change) | %s s | | | | | |%n",
          cold);
    }
    if (warm != null) {
      System.out.printf(
          "| local stack ready, every service from its archive | %s s | | | | | |%n", warm);
    }
  }

  static Path resultsDir() {
    return Path.of(System.getProperty("bench.dir", "load-tests/target")).resolve("bench");
  }

  private static double rate(Map<String, Row> rows, String name, int seconds) {
    Row row = rows.get(name);
    return row == null ? Double.NaN : (double) row.count() / seconds;
  }

  private static void line(Map<String, Row> rows, String name, double rate, String ratio) {
    Row row = rows.get(name);
    if (row == null) {
      return;
    }
    System.out.printf(
        "| %s | %,.0f | %s | %s | %s | %d | %s |%n",
        name, rate, row.p50(), row.p95(), row.p99(), row.ko(), ratio);
  }

  private static Optional<Path> latestReport(String simulation) throws IOException {
    Path results = Path.of(System.getProperty("bench.dir", "load-tests/target")).resolve("gatling");
    if (!Files.isDirectory(results)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(results)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(simulation + "-"))
          .max(Comparator.comparing(d -> d.getFileName().toString()))
          .map(d -> d.resolve("index.html"));
    }
  }

  private static Map<String, Row> parse(Path report) {
    Map<String, Row> rows = new LinkedHashMap<>();
    try {
      Matcher row = ROW.matcher(Files.readString(report));
      while (row.find()) {
        List<String> cells = CELL.matcher(row.group(2)).results().map(m -> m.group(1)).toList();
        long ko = cells.get(2).equals("-") ? 0 : Long.parseLong(cells.get(2));
        rows.put(
            row.group(1),
            new Row(
                row.group(1),
                Long.parseLong(cells.get(0)),
                ko,
                cells.get(6),
                cells.get(8),
                cells.get(9)));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }
}
