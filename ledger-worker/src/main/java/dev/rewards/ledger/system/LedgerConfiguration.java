package dev.rewards.ledger.system;

import com.mongodb.client.MongoDatabase;
import dev.rewards.ledger.account.AccountStore;
import dev.rewards.ledger.account.CommandLog;
import dev.rewards.ledger.account.LedgerEntries;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.cache.BalanceCacheUpdater;
import dev.rewards.ledger.rules.PointsValidity;
import dev.rewards.support.cache.BalanceCache;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the plain ledger classes, which know nothing of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The journal only has to span the commands of one user applied but not yet in the command log:
   * one at a time per partition, a few more while partitions move between instances. 20 is a wide
   * margin; every entry more is carried, and matched, on every update of the account.
   */
  @Bean
  PointsLedger pointsLedger(
      MongoDatabase database,
      Clock clock,
      @Value("${rewards.ledger.journal-length:20}") int journalLength,
      @Value("${rewards.ledger.points-validity:P365D}") Duration pointsValidity) {
    return new PointsLedger(
        new AccountStore(database, journalLength),
        new LedgerEntries(database),
        new CommandLog(database),
        clock,
        new PointsValidity(pointsValidity));
  }

  @Bean
  BalanceCacheUpdater balanceCacheUpdater(
      StringRedisTemplate redis, @Value("${rewards.cache.balance-ttl:5m}") Duration ttl) {
    return new BalanceCacheUpdater(new BalanceCache(redis, ttl));
  }
}
