package dev.rewards.support.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The other ways to write a path that a server might route to the same handler: percent-encoded
 * letters, {@code ;} parameters, doubled slashes, {@code /./} and {@code /x/../} segments, other
 * letter case, a trailing slash, encoded slashes and dots, backslashes. Each is applied at every
 * position of the path. None may reach a protected handler without that handler's credentials.
 */
public final class PathSpellings {

  private PathSpellings() {}

  /** Every variant of {@code canonical} (which starts with '/'), the canonical form excluded. */
  public static List<String> of(String canonical) {
    String[] segments = canonical.substring(1).split("/");
    Set<String> variants = new LinkedHashSet<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      char first = segment.charAt(0);
      variants.add(
          withSegment(segments, i, "%%%02X".formatted((int) first) + segment.substring(1)));
      variants.add(
          withSegment(segments, i, "%%%02x".formatted((int) first) + segment.substring(1)));
      variants.add(withSegment(segments, i, segment + ";x=1"));
      variants.add(withSegment(segments, i, segment + ";"));
      variants.add(withSegment(segments, i, segment.toUpperCase(Locale.ROOT)));
      variants.add(withSegment(segments, i, "./" + segment));
      variants.add(withSegment(segments, i, "x/../" + segment));
      variants.add(withSegment(segments, i, "%2e/" + segment));
      variants.add(withSegment(segments, i, "x/%2e%2e/" + segment));
      variants.add(withSegment(segments, i, "/" + segment));
      if (i > 0) {
        variants.add(joinedWith(segments, i, "%2f"));
        variants.add(joinedWith(segments, i, "%2F"));
        variants.add(joinedWith(segments, i, "\\"));
        variants.add(joinedWith(segments, i, "%5c"));
      }
    }
    variants.add(canonical + "/");
    variants.add(canonical + "//");
    variants.add(canonical + "/.");
    variants.add(canonical + ";");
    variants.add(canonical.toUpperCase(Locale.ROOT));
    variants.add("/" + canonical);
    variants.add(canonical + "%00");
    variants.add(canonical + "%20");
    variants.remove(canonical);
    return List.copyOf(variants);
  }

  private static String withSegment(String[] segments, int index, String replacement) {
    List<String> parts = new ArrayList<>(List.of(segments));
    parts.set(index, replacement);
    return "/" + String.join("/", parts);
  }

  /** The path with the slash before segment {@code index} written as {@code separator}. */
  private static String joinedWith(String[] segments, int index, String separator) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      path.append(i == index ? separator : "/").append(segments[i]);
    }
    return path.toString();
  }
}
