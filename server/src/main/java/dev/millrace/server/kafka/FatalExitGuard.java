package dev.millrace.server.kafka;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Kafka from ending the JVM. On a fatal fault (a corrupt metadata log, a failed disk) the
 * broker calls {@code Exit.halt}, which in a standalone broker is right but here would kill the
 * whole Millrace server without a word. Instead the fault is logged, handed to the listening
 * brokers, and thrown at the calling Kafka thread so it stops what it was doing.
 */
final class FatalExitGuard {

  private static final Logger LOG = LoggerFactory.getLogger(FatalExitGuard.class);
  private static final Set<Consumer<String>> LISTENERS = new CopyOnWriteArraySet<>();
  private static boolean installed;

  private FatalExitGuard() {}

  /** Routes Kafka's exit and halt calls to {@code listener} until {@link #unwatch} is called. */
  static synchronized void watch(Consumer<String> listener) {
    if (!installed) {
      Exit.setExitProcedure((status, message) -> intercept("exit", status, message));
      Exit.setHaltProcedure((status, message) -> intercept("halt", status, message));
      installed = true;
    }
    LISTENERS.add(listener);
  }

  static void unwatch(Consumer<String> listener) {
    LISTENERS.remove(listener);
  }

  private static void intercept(String kind, int status, String message) {
    String fault =
        "the embedded Kafka broker hit a fatal fault and tried to "
            + kind
            + " the JVM (status "
            + status
            + (message == null ? "" : ": " + message)
            + "); the broker may no longer serve requests, see "
            + KafkaLogFile.path()
            + " for the cause";
    LOG.error(fault);
    LISTENERS.forEach(listener -> listener.accept(fault));
    throw new KafkaFatalFaultException(fault);
  }
}
