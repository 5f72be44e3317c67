package dev.rewards.api.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets browser apps on other origins (the notifier's websocket-test.html among them) call the API.
 * Access is by API key header, never by cookie, so credentials are not allowed cross-origin and a
 * wildcard default is safe; narrow it with REWARDS_CORS_ORIGINS.
 */
@Configuration(proxyBeanMethods = false)
class BrowserAccess implements WebMvcConfigurer {

  private final String[] allowedOrigins;

  BrowserAccess(@Value("${rewards.cors.allowed-origins}") String[] allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/rewards/**")
        .allowedOriginPatterns(allowedOrigins)
        .allowedMethods("GET", "POST")
        .allowedHeaders("Content-Type", "X-API-Key", "Authorization", "Idempotency-Key", "Prefer")
        .exposedHeaders("Location", "Preference-Applied", "Retry-After")
        .allowCredentials(false);
    registry
        .addMapping("/analytics/**")
        .allowedOriginPatterns(allowedOrigins)
        .allowedMethods("GET")
        .allowedHeaders("X-API-Key");
  }
}
