package dev.rewards.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rewards.api.system.FilterProblems;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse protection on the write endpoints (every POST under /rewards): at most REWARDS_RATE_LIMIT
 * requests per second per API key — per client address when security is off — else 429 with {@code
 * Retry-After}. Reads are not limited; they are cheap and cached.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WriteRateLimit extends OncePerRequestFilter {

  /**
   * One limiter per client; idle clients are forgotten, so many addresses cannot exhaust memory.
   */
  private final Cache<String, RateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  private final RateLimiterConfig config;
  private final boolean enabled;

  WriteRateLimit(@Value("${rewards.rate-limit.requests-per-second}") int perSecond) {
    this.enabled = perSecond > 0;
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(Math.max(1, perSecond))
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ZERO)
            .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !enabled
        || !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/rewards/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object apiKey = request.getAttribute(AccessFilter.API_KEY_ATTRIBUTE);
    String client = apiKey != null ? "key:" + apiKey : "addr:" + request.getRemoteAddr();
    RateLimiter limiter = limiters.get(client, id -> RateLimiter.of(id, config));
    if (!limiter.acquirePermission()) {
      long waitNanos =
          limiter instanceof AtomicRateLimiter atomic
              ? atomic.getDetailedMetrics().getNanosToWait()
              : 1_000_000_000L;
      response.setHeader(
          "Retry-After", Long.toString(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L)));
      FilterProblems.write(
          response,
          429,
          "too-many-requests",
          "Too Many Requests",
          "More write requests than this API key may send per second; retry after the time in"
              + " Retry-After");
      return;
    }
    chain.doFilter(request, response);
  }
}
