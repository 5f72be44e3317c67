package dev.rewards.notifier.clients;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The clients connected to this instance, by the user they follow. */
@Component
public class ClientRegistry {

  private final Map<String, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();
  private final Set<ClientConnection> allEvents = new CopyOnWriteArraySet<>();
  private final Counter framesSent;
  private final Counter clientsDropped;

  public ClientRegistry(MeterRegistry meters) {
    meters.gauge("rewards.websocket.clients", this, ClientRegistry::size);
    this.framesSent = meters.counter("rewards.websocket.frames");
    this.clientsDropped = meters.counter("rewards.websocket.clients.dropped");
  }

  void add(ClientConnection client) {
    if (client.subscription().isAllEvents()) {
      allEvents.add(client);
    } else {
      byUser
          .computeIfAbsent(client.subscription().userId(), user -> new CopyOnWriteArraySet<>())
          .add(client);
    }
  }

  void remove(ClientConnection client) {
    client.markClosed();
    if (client.subscription().isAllEvents()) {
      allEvents.remove(client);
      return;
    }
    byUser.computeIfPresent(
        client.subscription().userId(),
        (user, clients) -> {
          clients.remove(client);
          return clients.isEmpty() ? null : clients;
        });
  }

  /**
   * Queues the frames of one event for its user's clients and every all-events client. The frames
   * are built only if one of them is connected here: most events are for users who are not (a till
   * posting purchases), and every instance reads every event.
   */
  public void deliver(String userId, Supplier<List<String>> frames) {
    Set<ClientConnection> followers = byUser.getOrDefault(userId, Set.of());
    if (followers.isEmpty() && allEvents.isEmpty()) {
      return;
    }
    List<String> built = frames.get();
    for (ClientConnection client : followers) {
      pushAll(client, built);
    }
    for (ClientConnection client : allEvents) {
      pushAll(client, built);
    }
  }

  public int size() {
    return allEvents.size() + byUser.values().stream().mapToInt(Set::size).sum();
  }

  private void pushAll(ClientConnection client, List<String> frames) {
    for (String frame : frames) {
      boolean wasOpen = !client.isClosed();
      if (!client.push(frame)) {
        if (wasOpen) {
          clientsDropped.increment(); // fell too far behind, not a normal disconnect
        }
        remove(client);
        return;
      }
      framesSent.increment();
    }
  }
}
