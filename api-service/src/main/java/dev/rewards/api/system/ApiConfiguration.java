package dev.rewards.api.system;

import dev.rewards.support.cache.BalanceCache;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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
}
