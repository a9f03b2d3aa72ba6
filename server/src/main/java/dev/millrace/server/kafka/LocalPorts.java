package dev.millrace.server.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Probes ports on {@code localhost}, for the embedded broker and registry. Kafka only notices a
 * taken listener port at the very end of its start-up, after seconds of work and with an obscure
 * error, so the broker checks before it starts.
 */
public final class LocalPorts {

  private LocalPorts() {}

  /** Whether a server socket can bind {@code port} on {@code localhost} right now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(BrokerProperties.HOST, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** A port that was free a moment ago, chosen by the operating system. */
  public static int anyFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(BrokerProperties.HOST, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }
}
