package dev.rewards.load;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * How long the running system takes to expire a large number of due lots. Writes {@code
 * BENCH_EXPIRY_ACCOUNTS} accounts (default 10,000) of {@code BENCH_EXPIRY_LOTS} lots each (default
 * 100: a million lots), all due a minute ago, straight into the store as ledger-worker would have
 * written them, then waits until the ledger's expiry scheduler has found them (by the index on
 * {@code nextDue}) and the ledger has expired every one. Prints the time from due to done and the
 * lots expired per second. Run it against a stack of its own: the accounts stay (with 0 points).
 */
public final class ExpiryBacklog {

  private ExpiryBacklog() {}

  public static void main(String[] args) throws Exception {
    int accounts = setting("BENCH_EXPIRY_ACCOUNTS", 10_000);
    int lotsEach = setting("BENCH_EXPIRY_LOTS", 100);
    ConnectionString uri = new ConnectionString(Target.mongoUri());
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> store =
          client
              .getDatabase(uri.getDatabase() == null ? "rewards" : uri.getDatabase())
              .getCollection("accounts");
      String prefix = "bench-expiry-" + System.currentTimeMillis() + "-";
      Instant due = Instant.now().minus(Duration.ofMinutes(1));
      long insertStarted = System.nanoTime();
      List<Document> batch = new ArrayList<>();
      for (int a = 0; a < accounts; a++) {
        batch.add(account(prefix + a, lotsEach, due));
        if (batch.size() == 200) {
          store.insertMany(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        store.insertMany(batch);
      }
      double insertSeconds = (System.nanoTime() - insertStarted) / 1e9;
      System.out.printf(
          "wrote %,d accounts with %,d due lots (%,d lots) in %.1f s; waiting for the ledger …%n",
          accounts, lotsEach, (long) accounts * lotsEach, insertSeconds);
      long started = System.nanoTime();
      var mine = Filters.regex("_id", "^" + prefix);
      long firstDoneAt = 0;
      while (true) {
        long left = store.countDocuments(Filters.and(mine, Filters.exists("nextExpiry.at")));
        if (left < accounts && firstDoneAt == 0) {
          firstDoneAt = System.nanoTime();
        }
        if (left == 0) {
          break;
        }
        System.out.printf(
            "  %,d of %,d accounts still due after %.0f s%n",
            left, accounts, (System.nanoTime() - started) / 1e9);
        Thread.sleep(5_000);
      }
      double total = (System.nanoTime() - started) / 1e9;
      double applying = (System.nanoTime() - firstDoneAt) / 1e9;
      long lots = (long) accounts * lotsEach;
      System.out.printf(
          "expiry: %,d lots in %,d accounts expired %.0f s after they were written (first"
              + " expired after %.0f s, the scan interval's wait); %,.0f lots/s, %,.0f accounts/s"
              + " once applying%n",
          lots,
          accounts,
          total,
          total - applying,
          lots / Math.max(applying, 1e-3),
          accounts / Math.max(applying, 1e-3));
    }
  }

  private static Document account(String userId, int lotsEach, Instant due) {
    List<Document> lots = new ArrayList<>(lotsEach);
    for (int i = 0; i < lotsEach; i++) {
      lots.add(
          new Document("i", userId + "-lot-" + i)
              .append("p", 10L)
              .append("e", Date.from(due.minus(Duration.ofDays(365))))
              .append("x", Date.from(due)));
    }
    long balance = 10L * lotsEach;
    return new Document("_id", userId)
        .append("balance", balance)
        .append("version", 1L)
        .append("journal", List.of())
        .append("lots", lots)
        .append("debt", 0L)
        .append("lifetimePoints", balance)
        .append("nextExpiry", new Document("at", Date.from(due)).append("points", balance))
        .append("nextDue", Date.from(due));
  }

  private static int setting(String name, int fallback) {
    return Integer.parseInt(
        System.getProperty(name, System.getenv().getOrDefault(name, Integer.toString(fallback))));
  }
}
