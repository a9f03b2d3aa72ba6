package dev.millrace.server.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The id that tells a server apart from the others of its service (in its queries' transactional
 * ids): made once, kept in {@code <dataDir>/instance.id}, so that a restarted server keeps it and
 * fences its own unfinished transactions, while servers on other data directories never fence each
 * other.
 */
public final class InstanceId {
  private static final String FILE = "instance.id";
  private static final String EARLIER_STATE = "state";
  private static final String EARLIER_ID = "0";

  private InstanceId() {}

  /** The server's id, made and stored on its first start. */
  public static String of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      Files.createDirectories(dataDir);
      // Query state from before ids were kept was written under the id every server used then.
      String made =
          Files.exists(dataDir.resolve(EARLIER_STATE))
              ? EARLIER_ID
              : UUID.randomUUID().toString().substring(0, 8);
      Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the server's instance id in " + file, e);
    }
  }
}
