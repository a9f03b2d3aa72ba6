package dev.millrace.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCheckpointTest {
  @TempDir Path directory;

  @Test
  void anOffsetIsWrittenReadAndDeleted() {
    StateCheckpoint checkpoint = StateCheckpoint.besideStore(directory.resolve("store"));
    assertEquals(OptionalLong.empty(), checkpoint.read());
    checkpoint.write(42);
    assertEquals(OptionalLong.of(42), checkpoint.read());
    assertEquals(true, Files.exists(directory.resolve("store.checkpoint")));
    checkpoint.delete();
    assertEquals(OptionalLong.empty(), checkpoint.read());
  }

  @Test
  void aTornCheckpointCountsAsNone() throws Exception {
    Files.writeString(directory.resolve("store.checkpoint"), "4x");
    assertEquals(
        OptionalLong.empty(), StateCheckpoint.besideStore(directory.resolve("store")).read());
  }
}
