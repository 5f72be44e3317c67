package dev.rewards.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/** Compares secrets in constant time: digests first, so even their lengths do not leak. */
public final class Secrets {

  private Secrets() {}

  public static boolean matches(String presented, String expected) {
    if (presented == null || expected == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  /** True if {@code presented} equals one of {@code expected}; every candidate is compared. */
  public static boolean matchesAny(String presented, Collection<String> expected) {
    boolean found = false;
    for (String candidate : expected) {
      found |= matches(presented, candidate);
    }
    return found;
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
