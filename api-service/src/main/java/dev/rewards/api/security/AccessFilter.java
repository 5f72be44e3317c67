package dev.rewards.api.security;

import dev.rewards.api.system.FilterProblems;
import dev.rewards.support.security.Secrets;
import dev.rewards.support.security.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what, checked before anything else reads the request:
 *
 * <ul>
 *   <li>{@code /rewards/admin/**}: {@code Authorization: Bearer <REWARDS_ADMIN_TOKEN>}; with no
 *       admin token configured the admin endpoints are closed, never open.
 *   <li>other {@code /rewards/**} and {@code /analytics/**}: {@code X-API-Key} with one of
 *       REWARDS_API_KEYS, when any is configured.
 *   <li>public: {@code GET /rewards/options}, Swagger, health, and CORS preflights.
 * </ul>
 *
 * Secrets are compared in constant time and never logged. The key a request was accepted with is
 * left as a request attribute for the rate limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessFilter extends OncePerRequestFilter {

  static final String API_KEY_ATTRIBUTE = "rewards.apiKey";

  private final SecuritySettings settings;

  AccessFilter(SecuritySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPreflight(request) || isPublic(request, path)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/rewards/admin/") || path.equals("/rewards/admin")) {
      if (!Secrets.matches(bearer(request), settings.adminToken())) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"rewards-admin\"");
        FilterProblems.write(
            response,
            401,
            "unauthorized",
            "Unauthorized",
            settings.adminToken() == null
                ? "Admin endpoints are closed: set REWARDS_ADMIN_TOKEN to open them"
                : "Admin endpoints need the header Authorization: Bearer <admin token>");
        return;
      }
    } else if (settings.enabled() && isProtected(path)) {
      String key = request.getHeader("X-API-Key");
      if (!Secrets.matchesAny(key, settings.apiKeys())) {
        FilterProblems.write(
            response,
            401,
            "unauthorized",
            "Unauthorized",
            key == null
                ? "This endpoint needs the header X-API-Key"
                : "The X-API-Key header holds no valid API key");
        return;
      }
      request.setAttribute(API_KEY_ATTRIBUTE, key);
    }
    chain.doFilter(request, response);
  }

  private static boolean isProtected(String path) {
    return path.startsWith("/rewards/") || path.startsWith("/analytics/");
  }

  private static boolean isPublic(HttpServletRequest request, String path) {
    return "GET".equals(request.getMethod()) && path.equals("/rewards/options");
  }

  private static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Origin") != null
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }
}
