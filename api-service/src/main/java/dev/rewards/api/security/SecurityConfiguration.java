package dev.rewards.api.security;

import dev.rewards.support.security.RewardsHttpSecurity;
import dev.rewards.support.security.Roles;
import dev.rewards.support.security.SecuritySettings;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. Rules match the decoded, normalised path that Spring MVC dispatches on, and
 * Spring Security's firewall refuses paths that are not in canonical form before any rule runs:
 *
 * <ul>
 *   <li>{@code /rewards/admin/**}: {@code Authorization: Bearer <REWARDS_ADMIN_TOKEN>}; with no
 *       admin token configured the admin routes are closed, never open.
 *   <li>other {@code /rewards/**} and {@code /analytics/**}: {@code X-API-Key} with one of
 *       REWARDS_API_KEYS, when any is configured.
 *   <li>public: {@code GET /rewards/options} and {@code /rewards/tiers}, Swagger, health (status
 *       only), CORS preflights.
 *   <li>other actuator endpoints (metrics): the admin token.
 *   <li>anything else: credentials when client routes are protected, so an unknown spelling of a
 *       protected path never reaches a handler anonymously.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      RewardsHttpSecurity rewards,
      SecuritySettings settings,
      @Value("${rewards.rate-limit.requests-per-second}") int writesPerSecond)
      throws Exception {
    rewards.apply(http, false);
    http.cors(Customizer.withDefaults())
        .addFilterAfter(new WriteRateLimit(writesPerSecond), AuthorizationFilter.class)
        .authorizeHttpRequests(
            rules -> {
              rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
              RewardsHttpSecurity.actuatorRules(rules);
              rules
                  .requestMatchers(HttpMethod.GET, "/rewards/options", "/rewards/tiers")
                  .permitAll();
              rules
                  .requestMatchers(
                      "/api", "/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**")
                  .permitAll();
              rules.requestMatchers("/rewards/admin/**").hasRole(Roles.ADMIN);
              if (settings.enabled()) {
                rules.requestMatchers("/rewards/**", "/analytics/**").hasRole(Roles.CLIENT);
                rules.anyRequest().authenticated();
              } else {
                rules.anyRequest().permitAll();
              }
            });
    return http.build();
  }
}
