package dev.rewards.support.kafka;

import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.ContainerProperties.AssignmentCommitOption;

/**
 * For listeners that read in a consumer group of their instance's own, from the newest record (the
 * API's waiters, the notifier): a restarted instance is a new group, so no committed offset of
 * theirs is ever read back. Committing after every poll cost each poll a round trip and the broker
 * a write to its offsets log, for nothing; and a group without offsets leaves the broker with its
 * last member instead of staying for the offsets' retention time.
 *
 * <p>Such a listener names {@link #BEAN} as its {@code containerPostProcessor}: its container then
 * commits only what the listener acknowledges, and these acknowledge nothing.
 */
public final class ReadingWithoutCommits
    implements ContainerPostProcessor<
        Object, Object, AbstractMessageListenerContainer<Object, Object>> {

  public static final String BEAN = "readingWithoutCommits";

  @Override
  public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
    ContainerProperties properties = container.getContainerProperties();
    properties.setAckMode(AckMode.MANUAL);
    // nor the position a partition is assigned at, which the container commits by default
    properties.setAssignmentCommitOption(AssignmentCommitOption.NEVER);
  }
}
