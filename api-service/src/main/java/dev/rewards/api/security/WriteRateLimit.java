package dev.rewards.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rewards.support.security.CredentialsAuthenticationProvider.Caller;
import dev.rewards.support.web.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse protection on the write endpoints (every POST under /rewards): at most REWARDS_RATE_LIMIT
 * requests per second per authenticated client — per client address when client routes are open —
 * else 429 with {@code Retry-After}. It runs in the security chain after authorisation, so it sees
 * who the caller proved to be and the same normalised path the rules and the handlers see. Reads
 * are not limited; they are cheap and cached.
 */
class WriteRateLimit extends OncePerRequestFilter {

  private static final RequestMatcher WRITES =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/rewards/**");

  /**
   * One limiter per client; idle clients are forgotten, so many addresses cannot exhaust memory.
   */
  private final Cache<String, RateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  private final RateLimiterConfig config;
  private final boolean enabled;

  WriteRateLimit(int perSecond) {
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
    return !enabled || !WRITES.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RateLimiter limiter = limiters.get(clientOf(request), id -> RateLimiter.of(id, config));
    if (!limiter.acquirePermission()) {
      long waitNanos =
          limiter instanceof AtomicRateLimiter atomic
              ? atomic.getDetailedMetrics().getNanosToWait()
              : 1_000_000_000L;
      response.setHeader(
          "Retry-After", Long.toString(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L)));
      ProblemWriter.write(
          response,
          429,
          "too-many-requests",
          "Too Many Requests",
          "More write requests than this client may send per second; retry after the time in"
              + " Retry-After");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String clientOf(HttpServletRequest request) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && caller.getPrincipal() instanceof Caller proven && proven.name() != null) {
      return proven.name();
    }
    return "addr:" + request.getRemoteAddr();
  }
}
