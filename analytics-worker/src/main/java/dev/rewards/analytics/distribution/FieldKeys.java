package dev.rewards.analytics.distribution;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Category and reward names become document field names; a name may hold '.', '$' or anything, so
 * it is stored under its URL-safe Base64 form and the real name is kept beside the counters.
 */
final class FieldKeys {

  private FieldKeys() {}

  static String encode(String name) {
    return "k"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }
}
