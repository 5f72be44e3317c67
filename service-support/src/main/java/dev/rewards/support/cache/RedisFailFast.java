package dev.rewards.support.cache;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * While Redis is unreachable, cache commands fail at once instead of queueing until a timeout, so
 * reads fall back to MongoDB without delay and the ledger keeps applying commands. Lettuce keeps
 * reconnecting in the background.
 */
@AutoConfiguration
@ConditionalOnClass({ClientOptions.class, LettuceClientOptionsBuilderCustomizer.class})
public class RedisFailFast {

  @Bean
  LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
