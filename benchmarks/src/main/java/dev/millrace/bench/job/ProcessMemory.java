package dev.millrace.bench.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The memory of this JVM's process: its peak resident set and its live heap. */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String PEAK_RESIDENT = "VmHWM:";

  private ProcessMemory() {}

  /** The peak resident set (Linux's {@code VmHWM}); empty where there is no {@code /proc}. */
  static OptionalLong peakResidentBytes() {
    if (!Files.isReadable(STATUS)) {
      return OptionalLong.empty();
    }
    try {
      return peakResidentBytes(Files.readAllLines(STATUS));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code VmHWM} from the lines of a {@code /proc/<pid>/status} file, whose unit is kB. */
  static OptionalLong peakResidentBytes(List<String> status) {
    for (String line : status) {
      if (line.startsWith(PEAK_RESIDENT)) {
        String[] parts = line.substring(PEAK_RESIDENT.length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * Heap in use right after a full collection: what the process holds on to, not the garbage the
   * collector has not yet come for.
   */
  static long heapAfterGcBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
