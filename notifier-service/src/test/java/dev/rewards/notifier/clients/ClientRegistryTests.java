package dev.rewards.notifier.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.notifier.clients.ClientConnectionTests.ManualSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClientRegistryTests {

  private final ClientRegistry clients = new ClientRegistry(new SimpleMeterRegistry());
  private final AtomicInteger framesBuilt = new AtomicInteger();
  private final Supplier<List<String>> frames =
      () -> {
        framesBuilt.incrementAndGet();
        return List.of("pointsUpdated");
      };

  @Test
  void buildsNoFramesForAnEventNoConnectedClientWouldReceive() {
    clients.add(
        new ClientConnection("c1", Subscription.user("someone-else"), new ManualSink(), 10));

    clients.deliver("u1", frames);

    assertThat(framesBuilt).hasValue(0);
  }

  @Test
  void buildsTheFramesOnceForTheUsersClientsAndEveryAllEventsClient() {
    ManualSink follower = new ManualSink();
    ManualSink secondFollower = new ManualSink();
    ManualSink watcher = new ManualSink();
    clients.add(new ClientConnection("c1", Subscription.user("u1"), follower, 10));
    clients.add(new ClientConnection("c2", Subscription.user("u1"), secondFollower, 10));
    clients.add(new ClientConnection("c3", Subscription.allEvents(), watcher, 10));

    clients.deliver("u1", frames);

    assertThat(framesBuilt).hasValue(1);
    assertThat(follower.started).containsExactly("pointsUpdated");
    assertThat(secondFollower.started).containsExactly("pointsUpdated");
    assertThat(watcher.started).containsExactly("pointsUpdated");
  }
}
