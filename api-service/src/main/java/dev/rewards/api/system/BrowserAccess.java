package dev.rewards.api.system;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Lets browser apps on other origins (the notifier's websocket-test.html among them) call the API.
 * Access is by API key header, never by cookie, so credentials are not allowed cross-origin and a
 * wildcard default is safe; narrow it with REWARDS_CORS_ORIGINS.
 *
 * <p>Declared by path, as Spring Security's CORS filter reads it: without this source the filter
 * asked Spring MVC for the configuration, which looked the request's handler up a second time on
 * every request (about 7 % of a request's processor time, profiled).
 */
@Configuration(proxyBeanMethods = false)
class BrowserAccess {

  private static final long PREFLIGHT_CACHE_SECONDS = 1800;

  @Bean
  CorsConfigurationSource corsConfigurationSource(
      @Value("${rewards.cors.allowed-origins}") List<String> allowedOrigins) {
    CorsConfiguration rewards =
        allowed(
            allowedOrigins,
            List.of("GET", "POST"),
            List.of("Content-Type", "X-API-Key", "Authorization", "Idempotency-Key", "Prefer"));
    rewards.setExposedHeaders(List.of("Location", "Preference-Applied", "Retry-After"));
    CorsConfiguration analytics = allowed(allowedOrigins, List.of("GET"), List.of("X-API-Key"));

    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/rewards/**", rewards);
    source.registerCorsConfiguration("/analytics/**", analytics);
    return source;
  }

  private static CorsConfiguration allowed(
      List<String> origins, List<String> methods, List<String> headers) {
    CorsConfiguration allowed = new CorsConfiguration();
    allowed.setAllowedOriginPatterns(origins);
    allowed.setAllowedMethods(methods);
    allowed.setAllowedHeaders(headers);
    allowed.setAllowCredentials(false);
    allowed.setMaxAge(PREFLIGHT_CACHE_SECONDS);
    return allowed;
  }
}
