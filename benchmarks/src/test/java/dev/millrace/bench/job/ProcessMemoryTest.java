package dev.millrace.bench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void readsThePeakResidentSetInKibibytesFromProcStatus() {
    List<String> status =
        List.of(
            "Name:\tjava",
            "VmPeak:\t 5093376 kB",
            "VmSize:\t 5027840 kB",
            "VmHWM:\t  812340 kB",
            "VmRSS:\t  790112 kB",
            "Threads:\t58");

    assertEquals(OptionalLong.of(812_340L * 1024), ProcessMemory.peakResidentBytes(status));
  }

  @Test
  void aStatusWithoutThePeakHasNone() {
    assertEquals(
        OptionalLong.empty(),
        ProcessMemory.peakResidentBytes(List.of("Name:\tjava", "VmRSS:\t  790112 kB")));
  }
}
