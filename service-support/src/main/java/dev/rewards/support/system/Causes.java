package dev.rewards.support.system;

/** Looks through an exception's cause chain, where frameworks wrap the failure that matters. */
public final class Causes {

  private Causes() {}

  /** True if {@code failure} or any of its causes is one of {@code types}. */
  @SafeVarargs
  public static boolean include(Throwable failure, Class<? extends Throwable>... types) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }
}
