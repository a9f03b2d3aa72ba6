package dev.millrace.server.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads the commands appended to the command log from some offset on, as they arrive. Records that
 * cannot be read are logged by the command log and left out. Used by one thread only.
 */
final class CommandTail implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Function<ConsumerRecord<byte[], byte[]>, Optional<LoggedCommand>> decode;

  CommandTail(
      KafkaConsumer<byte[], byte[]> consumer,
      Function<ConsumerRecord<byte[], byte[]>, Optional<LoggedCommand>> decode) {
    this.consumer = consumer;
    this.decode = decode;
  }

  /**
   * The commands appended since the last poll, waiting up to {@code wait} for the first; none when
   * {@link #wakeup} interrupted the wait.
   */
  List<LoggedCommand> poll(Duration wait) {
    List<LoggedCommand> commands = new ArrayList<>();
    try {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
        decode.apply(record).ifPresent(commands::add);
      }
    } catch (WakeupException woken) {
      return List.of();
    }
    return commands;
  }

  /** The offset of the next record this tail will read. */
  long position() {
    return consumer.position(consumer.assignment().iterator().next());
  }

  /** Stops a {@link #poll} under way in another thread, which then returns no commands. */
  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ZERO);
  }
}
