package dev.rewards.support.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Stubs a Mockito spy that a running listener calls. Mockito's stubbing is not thread-safe: a call
 * to the spy from the listener thread while {@code doThrow(..).when(spy).method(..)} is being
 * recorded corrupts the stubbing ("unfinished stubbing"), so the listener pauses for it.
 */
public final class SpyStubbing {

  private SpyStubbing() {}

  /**
   * Pauses the container, waits until its consumer has finished the batch in hand and stopped
   * fetching, stubs, and resumes it (no rebalance: the partitions stay where they are).
   */
  public static void whilePaused(MessageListenerContainer listener, Runnable stubbing) {
    listener.pause();
    try {
      await().atMost(Duration.ofSeconds(30)).until(listener::isContainerPaused);
      stubbing.run();
    } finally {
      listener.resume();
    }
  }
}
