package dev.rewards.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.EmbeddedStores;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class BalanceCacheTests {

  private static LettuceConnectionFactory connections;
  private static BalanceCache cache;
  private static StringRedisTemplate redis;

  @BeforeAll
  static void connect() {
    EmbeddedStores.start();
    connections =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", EmbeddedStores.redisPort()));
    connections.afterPropertiesSet();
    connections.start();
    redis = new StringRedisTemplate(connections);
    cache = new BalanceCache(redis, Duration.ofMinutes(5));
  }

  @AfterAll
  static void disconnect() {
    connections.destroy();
  }

  @Test
  void missesWhenNothingIsCached() {
    assertThat(cache.get("cache-nobody")).isEmpty();
  }

  @Test
  void keepsTheNewestVersion() {
    assertThat(cache.putIfNewer("cache-a", 3, 300)).isTrue();
    assertThat(cache.putIfNewer("cache-a", 4, 400)).isTrue();

    assertThat(cache.get("cache-a")).contains(new BalanceCache.CachedBalance(4, 400));
  }

  @Test
  void refusesARefillOlderThanWhatTheLedgerCached() {
    // a reader read version 7 from the store; meanwhile the worker applied version 8 and cached it
    cache.putIfNewer("cache-race", 8, 150);

    boolean stored = cache.putIfNewer("cache-race", 7, 100);

    assertThat(stored).isFalse();
    assertThat(cache.get("cache-race")).contains(new BalanceCache.CachedBalance(8, 150));
  }

  @Test
  void cachesManyInOneGoKeepingNewerVersions() {
    cache.putIfNewer("cache-many-b", 9, 900); // newer than what the batch brings

    cache.putAllIfNewer(
        java.util.Map.of(
            "cache-many-a", new BalanceCache.CachedBalance(2, 20),
            "cache-many-b", new BalanceCache.CachedBalance(5, 50)));

    assertThat(cache.get("cache-many-a")).contains(new BalanceCache.CachedBalance(2, 20));
    assertThat(cache.get("cache-many-b")).contains(new BalanceCache.CachedBalance(9, 900));
    assertThat(redis.getExpire("rewards:balance:cache-many-a")).isBetween(1L, 300L);
  }

  @Test
  void expiresEntries() {
    cache.putIfNewer("cache-ttl", 1, 10);

    Long ttlSeconds = redis.getExpire("rewards:balance:cache-ttl");

    assertThat(ttlSeconds).isBetween(1L, 300L);
  }

  @Test
  void evictsOnRequest() {
    cache.putIfNewer("cache-evict", 1, 10);

    cache.evict("cache-evict");

    assertThat(cache.get("cache-evict")).isEmpty();
  }
}
