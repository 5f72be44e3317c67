package dev.rewards.notifier.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClientConnectionTests {

  @Test
  void sendsFramesInOrderOneAtATime() {
    ManualSink sink = new ManualSink();
    ClientConnection client = new ClientConnection("c1", Subscription.user("u1"), sink, 10);

    client.push("a");
    client.push("b");
    client.push("c");
    assertThat(sink.started).containsExactly("a");

    sink.completeNext();
    sink.completeNext();
    sink.completeNext();
    assertThat(sink.started).containsExactly("a", "b", "c");
  }

  @Test
  void neverBlocksTheCallerOnAStalledClient() {
    ManualSink stalled = new ManualSink();
    ClientConnection client = new ClientConnection("c1", Subscription.user("u1"), stalled, 1000);

    for (int i = 0; i < 500; i++) {
      assertThat(client.push("frame-" + i)).isTrue();
    }

    assertThat(stalled.started).containsExactly("frame-0");
    assertThat(client.queued()).isEqualTo(499);
  }

  @Test
  void dropsAClientThatFallsTooFarBehind() {
    ManualSink stalled = new ManualSink();
    ClientConnection client = new ClientConnection("c1", Subscription.allEvents(), stalled, 3);

    for (int i = 0; i < 4; i++) {
      client.push("frame-" + i);
    }
    boolean accepted = client.push("one too many");

    assertThat(accepted).isFalse();
    assertThat(client.isClosed()).isTrue();
    assertThat(client.queued()).isZero();
    assertThat(stalled.closeCode).isEqualTo(ClientConnection.TOO_SLOW);
  }

  @Test
  void stopsSendingAfterAFailedSend() {
    ManualSink sink = new ManualSink();
    ClientConnection client = new ClientConnection("c1", Subscription.user("u1"), sink, 10);
    client.push("a");
    client.push("b");

    sink.failNext();

    assertThat(client.isClosed()).isTrue();
    assertThat(client.push("c")).isFalse();
    assertThat(sink.started).containsExactly("a");
  }

  /** A sink whose sends complete only when the test says so, like a client that stopped reading. */
  static final class ManualSink implements FrameSink {
    final List<String> started = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    Integer closeCode;

    @Override
    public void send(String frame, Consumer<Throwable> done) {
      started.add(frame);
      pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
      closeCode = code;
    }

    void completeNext() {
      pending.remove(0).accept(null);
    }

    void failNext() {
      pending.remove(0).accept(new java.io.IOException("broken pipe"));
    }
  }
}
