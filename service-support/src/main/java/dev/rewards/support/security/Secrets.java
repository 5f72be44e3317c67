package dev.rewards.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/**
 * Compares secrets in constant time, by their digests, so even their lengths do not leak.
 * Configured secrets are digested once; a presented one once per request.
 */
public final class Secrets {

  private Secrets() {}

  public static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** True if {@code presented} equals one of {@code expected}; every candidate is compared. */
  public static boolean matchesAny(byte[] presented, Collection<byte[]> expected) {
    boolean found = false;
    for (byte[] candidate : expected) {
      found |= MessageDigest.isEqual(presented, candidate);
    }
    return found;
  }
}
