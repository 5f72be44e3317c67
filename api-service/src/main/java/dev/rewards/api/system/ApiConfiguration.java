package dev.rewards.api.system;

import dev.rewards.support.cache.BalanceCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  BalanceCache balanceCache(
      StringRedisTemplate redis, @Value("${rewards.cache.balance-ttl:5m}") Duration ttl) {
    return new BalanceCache(redis, ttl);
  }

  /**
   * A request that needs the store while it is unreachable fails within seconds (503, retry) rather
   * than holding the client for the driver's default 30 s.
   */
  @Bean
  MongoClientSettingsBuilderCustomizer failFastWhenTheStoreIsDown(
      @Value("${rewards.store.request-timeout:3s}") Duration timeout) {
    return settings ->
        settings
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket -> socket.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS));
  }
}
