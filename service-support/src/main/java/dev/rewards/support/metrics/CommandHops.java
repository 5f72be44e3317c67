package dev.rewards.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long each hop of a command's way takes, as one timer family {@value #METER} tagged by {@code
 * hop}, with median and 99th percentile published. A hop measured across processes (a record's
 * broker timestamp to when a consumer handles it) compares two machines' clocks: exact on one
 * machine, as good as their clock sync in a cluster.
 *
 * <p>The hops, in the order a command meets them, are the constants below; docs/benchmarks.md shows
 * how to read them.
 */
public class CommandHops {

  public static final String METER = "rewards.command.hop";

  /** api-service: publish called → broker acknowledged (acks=all). */
  public static final String BROKER_ACK = "api.broker-ack";

  /** api-service: request accepted → its outcome heard ({@code Prefer: wait} requests). */
  public static final String AWAITED = "api.awaited-outcome";

  /** ledger-worker: command record written to the broker → polled by the ledger. */
  public static final String LEDGER_QUEUED = "ledger.queued";

  /** ledger-worker: a batch's accounts, decisions and correction targets read. */
  public static final String LEDGER_READ = "ledger.store-reads";

  /** ledger-worker: a batch decided in memory. */
  public static final String LEDGER_DECIDE = "ledger.decide";

  /** ledger-worker: a batch's accounts, entries, movements and decisions written. */
  public static final String LEDGER_WRITE = "ledger.store-writes";

  /** ledger-worker: a batch's balances written to the Redis cache. */
  public static final String LEDGER_CACHE = "ledger.cache";

  /** ledger-worker: a batch's outcomes handed to the transactional producer. */
  public static final String LEDGER_SEND = "ledger.send";

  /**
   * Outcome event written by the ledger's producer → handled by a consumer: the transaction's
   * commit and the read_committed fetch. Recorded as {@code <service>.outcome-delivery}.
   */
  public static String outcomeDelivery(String service) {
    return service + ".outcome-delivery";
  }

  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public CommandHops(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  public void recordNanos(String hop, long nanos) {
    timerOf(hop).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** From an epoch-millisecond time (a record's broker timestamp) to now; nothing if negative. */
  public void since(String hop, long epochMillis) {
    long millis = clock.millis() - epochMillis;
    if (millis >= 0) {
      timerOf(hop).record(millis, TimeUnit.MILLISECONDS);
    }
  }

  private Timer timerOf(String hop) {
    return timers.computeIfAbsent(
        hop,
        name ->
            Timer.builder(METER)
                .description("Time a command spends on one hop of its way")
                .tag("hop", name)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(meters));
  }
}
