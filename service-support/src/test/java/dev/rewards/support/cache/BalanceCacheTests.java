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
    assertThat(cache.putIfNewer("cache-a", balance(3, 300))).isTrue();
    assertThat(cache.putIfNewer("cache-a", balance(4, 400))).isTrue();

    assertThat(cache.get("cache-a")).contains(balance(4, 400));
  }

  @Test
  void refusesARefillOlderThanWhatTheLedgerCached() {
    // a reader read version 7 from the store; meanwhile the worker applied version 8 and cached it
    cache.putIfNewer("cache-race", balance(8, 150));

    boolean stored = cache.putIfNewer("cache-race", balance(7, 100));

    assertThat(stored).isFalse();
    assertThat(cache.get("cache-race")).contains(balance(8, 150));
  }

  @Test
  void cachesManyInOneGoKeepingNewerVersions() {
    cache.putIfNewer("cache-many-b", balance(9, 900)); // newer than what the batch brings

    cache.putAllIfNewer(
        java.util.Map.of(
            "cache-many-a", balance(2, 20),
            "cache-many-b", balance(5, 50)));

    assertThat(cache.get("cache-many-a")).contains(balance(2, 20));
    assertThat(cache.get("cache-many-b")).contains(balance(9, 900));
    assertThat(redis.getExpire("rewards:balance:cache-many-a")).isBetween(1L, 300L);
  }

  @Test
  void expiresEntries() {
    cache.putIfNewer("cache-ttl", balance(1, 10));

    Long ttlSeconds = redis.getExpire("rewards:balance:cache-ttl");

    assertThat(ttlSeconds).isBetween(1L, 300L);
  }

  @Test
  void missesAnEntryCachedWithoutLifetimePoints() {
    redis.opsForHash().putAll("rewards:balance:cache-old", java.util.Map.of("v", "3", "b", "30"));

    assertThat(cache.get("cache-old")).isEmpty();
  }

  @Test
  void evictsOnRequest() {
    cache.putIfNewer("cache-evict", balance(1, 10));

    cache.evict("cache-evict");

    assertThat(cache.get("cache-evict")).isEmpty();
  }

  /** A balance whose lifetime points differ from it, so that a mix-up of the two shows. */
  private static BalanceCache.CachedBalance balance(long version, long points) {
    return new BalanceCache.CachedBalance(version, points, points * 2 + 1);
  }
}
