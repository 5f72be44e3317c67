package dev.rewards.ledger.cache;

import dev.rewards.support.cache.BalanceCache;
import dev.rewards.support.cache.BalanceCache.CachedBalance;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Puts every new balance into the cache before its outcome is announced, so that a client that
 * hears of the outcome never reads an older balance. If Redis is unreachable, commands still flow:
 * the user is remembered and their cache entry evicted as soon as Redis answers again.
 */
public class BalanceCacheUpdater {

  private static final Logger log = LoggerFactory.getLogger(BalanceCacheUpdater.class);

  private final BalanceCache cache;
  private final Set<String> evictWhenReachable = ConcurrentHashMap.newKeySet();

  public BalanceCacheUpdater(BalanceCache cache) {
    this.cache = cache;
  }

  /** Caches these balances, in one round trip. */
  public void refreshAll(Map<String, CachedBalance> balances) {
    try {
      cache.putAllIfNewer(balances);
    } catch (RuntimeException e) {
      if (evictWhenReachable.addAll(balances.keySet())) {
        log.warn(
            "Redis unreachable, balances of {} users will be evicted when it is back: {}",
            balances.size(),
            e.getMessage());
      }
    }
  }

  @Scheduled(fixedDelayString = "${rewards.cache.retry-interval:1s}")
  void evictStaleEntries() {
    for (String userId : evictWhenReachable) {
      try {
        cache.evict(userId);
        evictWhenReachable.remove(userId);
      } catch (RuntimeException e) {
        return; // still unreachable; try again later
      }
    }
  }

  /** Users whose cache entry may be stale; for health and tests. */
  public int pendingEvictions() {
    return evictWhenReachable.size();
  }
}
