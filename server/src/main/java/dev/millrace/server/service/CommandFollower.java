package dev.millrace.server.service;

import dev.millrace.server.api.KsqlEntity;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one server in step with the others of its service while it runs: a thread reads the command
 * log from where the start-up replay ended and carries out each command another server appended
 * (DDL, starting, terminating, pausing and resuming queries), in log order, a poll after it was
 * accepted. The commands this server appended itself ran when they were accepted and are passed
 * over, so each command runs once per server.
 *
 * <p>A statement submitted here first waits until the commands already in the log have run here
 * (see {@link #catchUp()}), so that it is checked against the catalog the whole service has made.
 * Two statements accepted at the same moment by two servers may still each run first on the server
 * that accepted it; every server and every restart then runs them in log order.
 */
public final class CommandFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandFollower.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);
  private static final long RETRY_MILLIS = 500;

  private final CommandLog log;
  private final StatementEngine engine;
  private final Consumer<KsqlEntity> applied;
  private final CommandTail tail;
  private final Thread thread;
  private final Object progress = new Object();
  private volatile boolean running = true;

  /** The offset of the next record this server has yet to pass; guarded by {@link #progress}. */
  private long position;

  private CommandFollower(
      CommandLog log, StatementEngine engine, long from, Consumer<KsqlEntity> applied) {
    this.log = log;
    this.engine = engine;
    this.applied = applied;
    this.position = from;
    this.tail = log.tail(from);
    this.thread = new Thread(this::run, "millrace-command-follower");
    this.thread.setDaemon(true);
  }

  /**
   * Starts following the log from {@code from} (the end of the start-up replay), handing the entity
   * of each command carried out to {@code applied} (for {@code /status}).
   */
  public static CommandFollower start(
      CommandLog log, StatementEngine engine, long from, Consumer<KsqlEntity> applied) {
    CommandFollower follower = new CommandFollower(log, engine, from, applied);
    engine.keepUpWith(follower::catchUp);
    follower.thread.start();
    return follower;
  }

  private void run() {
    while (running) {
      try {
        List<LoggedCommand> commands = tail.poll(POLL);
        for (LoggedCommand command : commands) {
          engine
              .follow(command, applied, log::appendedHere)
              .ifPresent(reason -> LOG.warn("Skipped a command of another server: {}", reason));
        }
        passed(tail.position());
      } catch (KafkaException unreachable) {
        if (running) {
          LOG.warn("Cannot read the command log, retrying: {}", unreachable.getMessage());
          pause(RETRY_MILLIS);
        }
      }
    }
  }

  private void passed(long offset) {
    synchronized (progress) {
      position = offset;
      progress.notifyAll();
    }
  }

  /**
   * Waits until every command in the log now has been carried out here (or passed over), for at
   * most a few seconds: a statement then runs on the catalog the other servers left, and if the log
   * cannot be read it runs on what this server has.
   */
  public void catchUp() {
    long end;
    try {
      end = log.end();
    } catch (CommandLogException unreachable) {
      return;
    }
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    synchronized (progress) {
      while (position < end && running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("The command log was not followed up to offset {} in time", end);
          return;
        }
        try {
          progress.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops following; a command being carried out finishes first. */
  @Override
  public void close() {
    running = false;
    tail.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    tail.close();
    synchronized (progress) {
      progress.notifyAll();
    }
  }
}
