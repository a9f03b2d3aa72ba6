package dev.millrace.server.e2e;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Millrace server in a process of its own, for tests that kill it: started from the properties
 * file named by the first argument, it prints {@link #READY} with its REST address and Kafka
 * bootstrap servers once it serves, and stops cleanly when its standard input ends (the test closed
 * it, or the test JVM died).
 */
public final class ServerProcessMain {

  /**
   * The start of the line announcing a started server: {@code READY <rest uri> <bootstrap
   * servers>}.
   */
  public static final String READY = "READY ";

  private ServerProcessMain() {}

  public static void main(String[] args) throws Exception {
    ServerConfig config = ServerConfig.load(Optional.of(Path.of(args[0])), Map.of());
    MillraceServer server = MillraceServer.start(config, System.out::println);
    System.out.println(READY + server.uri() + " " + server.bootstrapServers());
    System.out.flush();
    while (System.in.read() >= 0) {
      // nothing to read: the test only ever closes our input
    }
    server.close();
    System.exit(0);
  }
}
