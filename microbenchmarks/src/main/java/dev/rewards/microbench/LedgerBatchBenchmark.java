package dev.rewards.microbench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import dev.rewards.ledger.account.AccountStore;
import dev.rewards.ledger.account.CommandLog;
import dev.rewards.ledger.account.LedgerBatch;
import dev.rewards.ledger.account.LedgerEntries;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.rules.Account;
import dev.rewards.support.store.StoreSchema.Accounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A ledger batch as the ledger-worker applies one, without Kafka: {@value #COMMANDS} commands over
 * {@value #USERS} users (each user an earn, a redemption of as many points, again), decided against
 * accounts that hold {@code lotsPerAccount} lots of unspent points, and written to the store
 * stand-in the local stack runs (file-backed, group commit). The redemption takes the oldest lot,
 * the earn adds one, so an account keeps its size from batch to batch.
 *
 * <p>{@code decidedInMemory} is the same commands decided against the same accounts with no store:
 * the difference between the two is what the store costs a batch, and how each grows with the
 * account's lots says whether an account that keeps every unspent earn as a lot is what slows the
 * ledger down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LedgerBatchBenchmark {

  static final int USERS = 100;
  static final int COMMANDS = USERS * 4;
  private static final long POINTS = 10;
  private static final int JOURNAL_LENGTH = 20;

  @Param({"1", "50", "200"})
  public int lotsPerAccount;

  private final AtomicLong offsets = new AtomicLong();
  private Path dataDir;
  private MongoServer server;
  private MongoClient client;
  private MongoCollection<Document> storedAccounts;
  private PointsLedger ledger;
  private List<Account> inMemory;

  @Setup(Level.Trial)
  public void startStoreAndFillAccounts() throws IOException {
    dataDir = Files.createTempDirectory("ledger-batch-benchmark");
    server = new MongoServer(SnapshotH2Backend.inFile(dataDir.resolve("store.mv").toString()));
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    MongoDatabase database = client.getDatabase("rewards");
    storedAccounts = database.getCollection(Accounts.NAME);
    ledger =
        new PointsLedger(
            new AccountStore(database, JOURNAL_LENGTH),
            new LedgerEntries(database),
            new CommandLog(database),
            Clock.systemUTC());
    for (int lot = 0; lot < lotsPerAccount; lot++) {
      List<RewardsCommand> earns = new ArrayList<>();
      for (int user = 0; user < USERS; user++) {
        earns.add(earn(user));
      }
      apply(earns);
    }
    inMemory = new ArrayList<>();
    Instant now = Instant.now();
    for (int user = 0; user < USERS; user++) {
      Account account = Account.absent("bench-" + user, JOURNAL_LENGTH);
      for (int lot = 0; lot < lotsPerAccount; lot++) {
        account.earn(UUID.randomUUID(), POINTS, now, now.plus(365, ChronoUnit.DAYS), now);
      }
      account.written();
      inMemory.add(account);
    }
  }

  /**
   * Every redemption must have been applied (a refused one costs less) and every account kept its
   * size, or the figures measure something else: the iteration fails then.
   */
  @TearDown(Level.Iteration)
  public void accountsKeptTheirSize() {
    for (Document stored : storedAccounts.find()) {
      check(
          stored.getString("_id"),
          stored.get(Accounts.BALANCE, Number.class).longValue(),
          stored.getList(Accounts.LOTS, Document.class).size());
    }
    for (Account account : inMemory) {
      check(account.userId(), account.balance(), account.lots().lots().size());
    }
  }

  private void check(String userId, long balance, int lots) {
    if (balance != lotsPerAccount * POINTS || lots != lotsPerAccount) {
      throw new IllegalStateException(
          "%s has %d points in %d lots; the benchmark keeps %d lots of %d"
              .formatted(userId, balance, lots, lotsPerAccount, POINTS));
    }
  }

  @TearDown(Level.Trial)
  public void stopStore() throws IOException {
    client.close();
    server.shutdownNow();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(f -> f.delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public LedgerBatch writtenToTheStore() {
    return apply(oneBatch());
  }

  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public long decidedInMemory() {
    long balances = 0;
    Instant now = Instant.now();
    for (int round = 0; round < 2; round++) {
      for (Account account : inMemory) {
        account.earn(UUID.randomUUID(), POINTS, now, now.plus(365, ChronoUnit.DAYS), now);
        account.redeem(UUID.randomUUID(), POINTS, now);
        balances += account.balance();
      }
    }
    inMemory.forEach(Account::written);
    return balances;
  }

  private List<RewardsCommand> oneBatch() {
    List<RewardsCommand> commands = new ArrayList<>(COMMANDS);
    for (int round = 0; round < 2; round++) {
      for (int user = 0; user < USERS; user++) {
        commands.add(earn(user));
        commands.add(
            new RedeemPoints(
                UUID.randomUUID(),
                "bench-" + user,
                POINTS,
                "voucher",
                BigDecimal.ONE,
                Instant.now()));
      }
    }
    return commands;
  }

  private LedgerBatch apply(List<RewardsCommand> commands) {
    LedgerBatch batch = ledger.startBatch(commands);
    for (RewardsCommand command : commands) {
      ledger.apply(command, "rewards.commands-0@" + offsets.incrementAndGet(), batch);
    }
    batch.flush();
    return batch;
  }

  private static EarnPoints earn(int user) {
    Instant now = Instant.now();
    return new EarnPoints(
        UUID.randomUUID(),
        "bench-" + user,
        POINTS,
        "shopping",
        BigDecimal.TEN,
        now,
        now,
        null,
        null);
  }
}
