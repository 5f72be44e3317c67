package dev.rewards.support.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The balance cache shared by api-service (reads, refills) and ledger-worker (writes after every
 * outcome). Each entry carries the account version it was read at, and a write only lands if it is
 * newer than what is cached. So a reader that refills with a balance read just before the worker's
 * update can never overwrite the worker's newer value: the cache only moves forward.
 */
public class BalanceCache {

  /**
   * Sets {@code v} (version), {@code b} (balance), {@code l} (lifetime points), {@code x} (next
   * expiry: {@code epochMillis:points}, or {@code -}) and {@code h} (held points) unless the cached
   * version is already at least as new.
   */
  private static final RedisScript<Long> PUT_IF_NEWER =
      RedisScript.of(
          """
          local current = redis.call('HGET', KEYS[1], 'v')
          if current and tonumber(current) >= tonumber(ARGV[1]) then
            return 0
          end
          redis.call('HSET', KEYS[1], 'v', ARGV[1], 'b', ARGV[2], 'l', ARGV[4], 'x', ARGV[5], 'h', ARGV[6])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return 1
          """,
          Long.class);

  private static final byte[] PUT_IF_NEWER_BYTES = bytes(PUT_IF_NEWER.getScriptAsString());

  private final StringRedisTemplate redis;
  private final Duration ttl;

  public BalanceCache(StringRedisTemplate redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  /** The cached balance, if any. */
  public Optional<CachedBalance> get(String userId) {
    List<Object> fields =
        redis.opsForHash().multiGet(key(userId), List.of("v", "b", "l", "x", "h"));
    if (fields.contains(null)) {
      return Optional.empty(); // absent, or cached before all of these were
    }
    return Optional.of(
        new CachedBalance(
            Long.parseLong((String) fields.get(0)),
            Long.parseLong((String) fields.get(1)),
            Long.parseLong((String) fields.get(2)),
            NextExpiry.decode((String) fields.get(3)),
            Long.parseLong((String) fields.get(4))));
  }

  /**
   * Caches {@code balance}, unless a newer version is cached.
   *
   * @return whether the value was stored
   */
  public boolean putIfNewer(String userId, CachedBalance balance) {
    Long stored =
        redis.execute(
            PUT_IF_NEWER,
            List.of(key(userId)),
            Long.toString(balance.version()),
            Long.toString(balance.balance()),
            Long.toString(ttl.toMillis()),
            Long.toString(balance.lifetimePoints()),
            NextExpiry.encode(balance.nextExpiry()),
            Long.toString(balance.heldPoints()));
    return stored != null && stored == 1L;
  }

  /**
   * {@link #putIfNewer} for many users in one round trip (a pipeline of single-key scripts, so it
   * works on a Redis cluster too). Unlike putIfNewer, it does not tell which values were stored.
   */
  public void putAllIfNewer(Map<String, CachedBalance> balances) {
    if (balances.isEmpty()) {
      return;
    }
    byte[] ttlMillis = bytes(Long.toString(ttl.toMillis()));
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              balances.forEach(
                  (userId, cached) ->
                      connection
                          .scriptingCommands()
                          .eval(
                              PUT_IF_NEWER_BYTES,
                              ReturnType.INTEGER,
                              1,
                              bytes(key(userId)),
                              bytes(Long.toString(cached.version())),
                              bytes(Long.toString(cached.balance())),
                              ttlMillis,
                              bytes(Long.toString(cached.lifetimePoints())),
                              bytes(NextExpiry.encode(cached.nextExpiry())),
                              bytes(Long.toString(cached.heldPoints()))));
              return null;
            });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Drops the entry: the next read goes to the store. */
  public void evict(String userId) {
    redis.delete(key(userId));
  }

  static String key(String userId) {
    return "rewards:balance:" + userId;
  }

  /**
   * A balance as of an account version.
   *
   * @param lifetimePoints points ever earned, less those reversed by refunds
   * @param nextExpiry when the next points expire and how many; null if none ever do
   * @param heldPoints the part of the balance reserved by holds
   */
  public record CachedBalance(
      long version, long balance, long lifetimePoints, NextExpiry nextExpiry, long heldPoints) {

    /** A balance with nothing due to expire and nothing held. */
    public CachedBalance(long version, long balance, long lifetimePoints) {
      this(version, balance, lifetimePoints, null, 0);
    }

    /** What redemptions, holds and debits may take. */
    public long availablePoints() {
      return balance - heldPoints;
    }
  }

  /** The next points to expire. */
  public record NextExpiry(java.time.Instant at, long points) {

    static String encode(NextExpiry next) {
      return next == null ? "-" : next.at().toEpochMilli() + ":" + next.points();
    }

    static NextExpiry decode(String cached) {
      if (cached.equals("-")) {
        return null;
      }
      int colon = cached.indexOf(':');
      return new NextExpiry(
          java.time.Instant.ofEpochMilli(Long.parseLong(cached.substring(0, colon))),
          Long.parseLong(cached.substring(colon + 1)));
    }
  }
}
