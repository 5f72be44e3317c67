package dev.rewards.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens that let a WebSocket client follow one user: {@code base64url(userId) "."
 * expiresAtEpochSeconds "." base64url(HMAC-SHA256)}. api-service issues them, notifier-service
 * checks them; both derive the same key from the shared settings, so no state is shared and any
 * instance can check any token.
 */
public final class WsTokens {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final byte[] key;
  private final Clock clock;

  private WsTokens(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /**
   * The key is {@code REWARDS_WS_TOKEN_SECRET} if set, else derived from the admin token, else from
   * the API keys — whichever every process of the deployment shares. With none of them security is
   * off, nobody checks tokens, and a random key serves.
   */
  public static WsTokens fromSettings(
      String secret, String adminToken, List<String> apiKeys, Clock clock) {
    String material;
    if (secret != null && !secret.isBlank()) {
      material = "secret:" + secret;
    } else if (adminToken != null && !adminToken.isBlank()) {
      material = "admin:" + adminToken;
    } else if (apiKeys != null && !apiKeys.isEmpty()) {
      material = "keys:" + apiKeys.stream().sorted().collect(Collectors.joining(","));
    } else {
      material = "random:" + java.util.UUID.randomUUID();
    }
    return new WsTokens(Secrets.digest("rewards-ws-token/" + material), clock);
  }

  public Issued issue(String userId, Duration ttl) {
    Instant expiresAt =
        clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String payload =
        ENCODE.encodeToString(userId.getBytes(StandardCharsets.UTF_8))
            + "."
            + expiresAt.getEpochSecond();
    return new Issued(payload + "." + ENCODE.encodeToString(sign(payload)), expiresAt);
  }

  /** The user an unexpired, correctly signed token was issued for; empty for any other string. */
  public Optional<String> userOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String payload = parts[0] + "." + parts[1];
      boolean signed = MessageDigest.isEqual(sign(payload), DECODE.decode(parts[2]));
      boolean fresh = clock.instant().getEpochSecond() < Long.parseLong(parts[1]);
      return signed && fresh
          ? Optional.of(new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /** A token and when it stops working. */
  public record Issued(String token, Instant expiresAt) {}
}
