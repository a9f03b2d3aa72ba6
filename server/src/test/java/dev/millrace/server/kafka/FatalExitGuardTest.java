package dev.millrace.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

class FatalExitGuardTest {

  @Test
  void reportsKafkasHaltInsteadOfEndingTheJvm() {
    List<String> faults = new ArrayList<>();
    Consumer<String> listener = faults::add;
    FatalExitGuard.watch(listener);
    try {
      var thrown = assertThrows(KafkaFatalFaultException.class, () -> Exit.halt(1));

      String expected =
          "the embedded Kafka broker hit a fatal fault and tried to halt the JVM (status 1); "
              + "the broker may no longer serve requests, see "
              + KafkaLogFile.path()
              + " for the cause";
      assertEquals(expected, thrown.getMessage());
      assertEquals(List.of(expected), faults);
    } finally {
      FatalExitGuard.unwatch(listener);
    }
  }

  @Test
  void reportsKafkasExitWithItsMessage() {
    var thrown =
        assertThrows(
            KafkaFatalFaultException.class,
            () -> {
              FatalExitGuard.watch(fault -> {});
              Exit.exit(2, "metadata log corrupt");
            });

    assertEquals(
        "the embedded Kafka broker hit a fatal fault and tried to exit the JVM (status 2: metadata log corrupt); "
            + "the broker may no longer serve requests, see "
            + KafkaLogFile.path()
            + " for the cause",
        thrown.getMessage());
  }
}
