package dev.rewards.support.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service shares: its settings, the WebSocket token codec, the credentials
 * check, problem responses for refusals, and — for a service that declares no rules of its own (the
 * workers, which serve only health and metrics) — a chain with just the actuator's rules.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
    })
@EnableConfigurationProperties(SecuritySettings.class)
public class SecuritySupport {

  @Bean
  WsTokens wsTokens(SecuritySettings settings) {
    return WsTokens.fromSettings(
        settings.wsTokenSecret(), settings.adminToken(), settings.apiKeys(), Clock.systemUTC());
  }

  @Bean
  CredentialsAuthenticationProvider credentialsAuthenticationProvider(
      SecuritySettings settings, WsTokens tokens) {
    return new CredentialsAuthenticationProvider(settings, tokens);
  }

  /**
   * No observations of Spring Security's own: with the default, every request opened an observation
   * around the filter chain plus an event per filter, and one around its authentication and its
   * authorisation — about 40 % of an API request's processor time (docs/benchmarks.md, "Requests
   * without Spring Security's observations"). Requests keep their HTTP observation, so their
   * metrics and their trace id, carried on to Kafka, are unchanged.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityProblems securityProblems() {
    return new SecurityProblems();
  }

  @Bean
  RewardsHttpSecurity rewardsHttpSecurity(
      CredentialsAuthenticationProvider provider, SecurityProblems problems) {
    return new RewardsHttpSecurity(new ProviderManager(provider), problems);
  }

  /** Health and metrics only: everything else is refused. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @EnableWebSecurity
  static class ActuatorOnly {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain actuatorOnlySecurity(HttpSecurity http, RewardsHttpSecurity rewards)
        throws Exception {
      rewards.apply(http, false);
      http.authorizeHttpRequests(
          rules -> {
            rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
            RewardsHttpSecurity.actuatorRules(rules);
            rules.anyRequest().denyAll();
          });
      return http.build();
    }
  }
}
