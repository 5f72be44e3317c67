package dev.rewards.api.system;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Controllers' futures that complete within {@code rewards.api.prompt-answer-wait} are answered on
 * the request thread ({@link PromptFutureHandler}); 0 answers every future asynchronously.
 */
@Configuration(proxyBeanMethods = false)
class PromptAnswers {

  static final String WAIT = "rewards.api.prompt-answer-wait";

  @Bean
  static BeanPostProcessor promptFutureAnswers(Environment environment) {
    // the default lives in application.yml, beside the setting it reads
    Duration wait = environment.getRequiredProperty(WAIT, Duration.class);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof RequestMappingHandlerAdapter adapter) {
          PromptFutureHandler.install(adapter, wait);
        }
        return bean;
      }
    };
  }
}
