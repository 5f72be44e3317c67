package dev.rewards.notifier.security;

import dev.rewards.support.security.RewardsHttpSecurity;
import dev.rewards.support.security.SecurityProblems;
import dev.rewards.support.security.SecuritySettings;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which stream, and what else the notifier serves. The handshake's {@code ?token=} is
 * a credential (a browser cannot set headers on a WebSocket handshake): the admin token, or a token
 * issued for one user by api-service. Rules match the decoded, normalised path, behind Spring
 * Security's firewall:
 *
 * <ul>
 *   <li>{@code /ws/rewards}: see {@link StreamAccess}.
 *   <li>the test page and its config: public; they hold no secret, and everything the page does
 *       goes through the handshake and the API, which ask for credentials.
 *   <li>health (status only): public; other actuator endpoints: the admin token.
 *   <li>anything else: refused.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain notifierSecurity(
      HttpSecurity http,
      RewardsHttpSecurity rewards,
      SecuritySettings settings,
      SecurityProblems problems)
      throws Exception {
    rewards.apply(http, true);
    // the contract answers a handshake whose token does not open the stream asked for with 401,
    // like a missing or forged one: to a WebSocket client, all three are "bad token"
    http.exceptionHandling(
        refusals ->
            refusals.accessDeniedHandler(
                (request, response, denied) ->
                    problems.commence(
                        request,
                        response,
                        new BadCredentialsException(
                            "This token does not open this stream: the all-events stream needs the"
                                + " admin token, a user's stream a token issued for that user"))));
    http.authorizeHttpRequests(
        rules -> {
          rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
          RewardsHttpSecurity.actuatorRules(rules);
          rules.requestMatchers("/ws/rewards").access(new StreamAccess(settings));
          rules
              .requestMatchers(
                  HttpMethod.GET, "/", "/websocket-test.html", "/websocket-test/config.json")
              .permitAll();
          rules.anyRequest().denyAll();
        });
    return http.build();
  }
}
