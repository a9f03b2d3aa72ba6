package dev.millrace.server.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void aBoundPortIsNotFree() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("localhost", 0));
      assertFalse(LocalPorts.isFree(socket.getLocalPort()));
    }
  }

  @Test
  void anyFreePortCanBeBound() {
    assertTrue(LocalPorts.isFree(LocalPorts.anyFree()));
  }
}
