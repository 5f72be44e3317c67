package dev.rewards.notifier.clients;

/** What a client asked to receive: one user's events, or every event (the admin stream). */
public record Subscription(String userId) {

  public static Subscription allEvents() {
    return new Subscription(null);
  }

  public static Subscription user(String userId) {
    return new Subscription(userId);
  }

  public boolean isAllEvents() {
    return userId == null;
  }
}
