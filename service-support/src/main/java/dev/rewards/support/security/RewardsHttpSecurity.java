package dev.rewards.support.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * What every service's filter chain shares: stateless (no session, no cookie, so no CSRF to
 * defend), the credentials read by {@link CredentialsConverter} and checked by {@link
 * CredentialsAuthenticationProvider}, and problem documents for every refusal. Spring Security's
 * firewall stays on: paths that are not in canonical form are refused before any rule is matched,
 * and the rules match the same decoded, normalised path that picks the handler.
 */
public final class RewardsHttpSecurity {

  private final AuthenticationManager authentication;
  private final SecurityProblems problems;

  RewardsHttpSecurity(AuthenticationManager authentication, SecurityProblems problems) {
    this.authentication = authentication;
    this.problems = problems;
  }

  /**
   * @param acceptsQueryToken whether {@code ?token=} is a credential (the WebSocket handshake)
   */
  public HttpSecurity apply(HttpSecurity http, boolean acceptsQueryToken) throws Exception {
    AuthenticationFilter credentials =
        new AuthenticationFilter(authentication, new CredentialsConverter(acceptsQueryToken));
    credentials.setSuccessHandler((request, response, caller) -> {}); // go on to the handler
    credentials.setFailureHandler(
        (request, response, failure) -> problems.commence(request, response, failure));
    return http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .addFilterBefore(credentials, AuthorizationFilter.class)
        .exceptionHandling(
            refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }

  /**
   * Health answers everyone (its status only: details need the admin token, see {@code
   * management.endpoint.health.show-details}); every other actuator endpoint, metrics among them,
   * needs the admin token.
   */
  public static void actuatorRules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers(EndpointRequest.to("health")).permitAll();
    rules.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Roles.ADMIN);
  }
}
