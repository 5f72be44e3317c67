package dev.rewards.support.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Ends this process when the local-stack launcher that started it is gone, so that a launcher
 * killed with SIGKILL leaves no orphan services behind. Active only when the launcher sets {@code
 * REWARDS_PARENT_PID}.
 */
public class ParentProcessWatchdog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

  private final long parentPid;
  private final ApplicationContext context;
  private volatile boolean running;

  public ParentProcessWatchdog(long parentPid, ApplicationContext context) {
    this.parentPid = parentPid;
    this.context = context;
  }

  @Override
  public void start() {
    running = true;
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(parent -> parent.onExit().thenRun(this::parentExited), this::parentExited);
  }

  private void parentExited() {
    if (!running) {
      return;
    }
    log.warn("Launcher process {} is gone; shutting down", parentPid);
    Thread exit =
        new Thread(() -> System.exit(SpringApplication.exit(context)), "parent-watchdog-exit");
    exit.start();
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
