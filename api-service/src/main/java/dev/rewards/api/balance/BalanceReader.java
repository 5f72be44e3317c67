package dev.rewards.api.balance;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.rewards.support.cache.BalanceCache;
import dev.rewards.support.cache.BalanceCache.CachedBalance;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Accounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads balances from the cache, refilling it from the store on a miss. A refill carries the
 * account version it read, so it can never replace a newer balance the ledger-worker cached (see
 * {@link BalanceCache}). When Redis is unreachable, reads go to the store.
 */
@Component
public class BalanceReader {

  private static final Logger log = LoggerFactory.getLogger(BalanceReader.class);

  private final BalanceCache cache;
  private final MongoCollection<Document> accounts;
  private final Counter hits;
  private final Counter misses;

  BalanceReader(BalanceCache cache, MongoDatabase database, MeterRegistry meters) {
    this.cache = cache;
    this.accounts = database.getCollection(Accounts.NAME);
    // hit ratio = hits / (hits + misses); a miss includes reads while Redis is down
    this.hits = meters.counter("rewards.balance.cache", "result", "hit");
    this.misses = meters.counter("rewards.balance.cache", "result", "miss");
  }

  /** The balance of a known user (0 before their first command is applied). */
  public CachedBalance balanceOf(String userId) {
    Optional<CachedBalance> cached = cachedBalance(userId);
    if (cached.isPresent()) {
      hits.increment();
      return cached.get();
    }
    misses.increment();
    Document account =
        accounts
            .find(eq(StoreSchema.ID, userId))
            .projection(
                include(
                    Accounts.BALANCE,
                    Accounts.VERSION,
                    Accounts.LIFETIME_POINTS,
                    Accounts.NEXT_EXPIRY,
                    Accounts.HELD_POINTS))
            .first();
    CachedBalance read =
        account == null
            ? new CachedBalance(0, 0, 0)
            : new CachedBalance(
                account.get(Accounts.VERSION, Number.class).longValue(),
                account.get(Accounts.BALANCE, Number.class).longValue(),
                lifetimePointsOf(account),
                nextExpiryOf(account),
                heldPointsOf(account));
    refill(userId, read);
    return read;
  }

  private static long heldPointsOf(Document account) {
    Number held = account.get(Accounts.HELD_POINTS, Number.class);
    return held == null ? 0 : held.longValue();
  }

  private static BalanceCache.NextExpiry nextExpiryOf(Document account) {
    Document next = account.get(Accounts.NEXT_EXPIRY, Document.class);
    return next == null
        ? null
        : new BalanceCache.NextExpiry(
            next.getDate("at").toInstant(), next.get("points", Number.class).longValue());
  }

  /** Accounts written before lifetime points were kept: their balance, as the ledger reads them. */
  private static long lifetimePointsOf(Document account) {
    Number lifetime = account.get(Accounts.LIFETIME_POINTS, Number.class);
    return lifetime != null
        ? lifetime.longValue()
        : Math.max(0, account.get(Accounts.BALANCE, Number.class).longValue());
  }

  private Optional<CachedBalance> cachedBalance(String userId) {
    try {
      return cache.get(userId);
    } catch (RuntimeException e) {
      log.debug("cache unavailable, reading {} from the store: {}", userId, e.getMessage());
      return Optional.empty();
    }
  }

  private void refill(String userId, CachedBalance read) {
    try {
      cache.putIfNewer(userId, read);
    } catch (RuntimeException e) {
      log.debug("cache unavailable, not refilled: {}", e.getMessage());
    }
  }
}
