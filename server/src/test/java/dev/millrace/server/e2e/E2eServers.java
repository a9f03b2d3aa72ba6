package dev.millrace.server.e2e;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;

/** Starts in-process Millrace servers for end-to-end tests: any free ports, data in a given dir. */
final class E2eServers {

  private E2eServers() {}

  /** The configuration of a test server keeping its data in {@code dataDir}. */
  static Map<String, String> config(Path dataDir) {
    return Map.of(
        ServerConfig.DATA_DIR, dataDir.toString(),
        ServerConfig.LISTENERS, "http://127.0.0.1:0",
        ServerConfig.EMBEDDED_KAFKA_PORT, "0");
  }

  /** A whole server (embedded broker, engine, REST) on {@code dataDir}, its progress on stdout. */
  static MillraceServer start(Path dataDir) throws Exception {
    return MillraceServer.start(
        ServerConfig.of(config(dataDir)), message -> System.out.println("[server] " + message));
  }
}
