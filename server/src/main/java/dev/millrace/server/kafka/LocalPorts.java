package dev.millrace.server.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Probes ports on the broker's host name ({@code localhost}). Kafka only notices a taken listener
 * port at the very end of its start-up, after seconds of work and with an obscure error, so the
 * broker checks before it starts.
 */
final class LocalPorts {

  private LocalPorts() {}

  /** Whether a server socket can bind {@code port} on {@code localhost} right now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(BrokerProperties.HOST, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** A port that was free a moment ago, chosen by the operating system. */
  static int anyFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(BrokerProperties.HOST, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }
}
