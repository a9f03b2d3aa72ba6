package dev.millrace.server.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker configuration for one node that is both broker and KRaft controller. Every value here
 * departs from Kafka's default for a reason a single node makes necessary or cheap.
 */
final class BrokerProperties {

  static final String HOST = "localhost";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final int NODE_ID = 1;

  private BrokerProperties() {}

  static Map<String, String> of(
      Path logDir, int clientPort, int controllerPort, Map<String, String> overrides) {
    Map<String, String> props = new TreeMap<>();
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("process.roles", "broker,controller");
    props.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + clientPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static voter set keeps no controller address in the metadata log, so the controller
    // port may differ on every start.
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    // One node: anything asking for more replicas than that never becomes available, and the
    // offsets and transaction-state topics ask for 3 by default, so groups and transactions hang.
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "8");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "8");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // After kill -9 the controller holds the dead broker's session open for the session timeout
    // (9 s by default) and refuses the restarted broker's registration until it lapses (a clean
    // shutdown re-registers at once). Here the broker heartbeats its own controller over
    // loopback, so a short session is safe: six heartbeats fit in it.
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("broker.session.timeout.ms", "3000");
    // Otherwise every first join of a consumer group waits 3 s for more members.
    props.put("group.initial.rebalance.delay.ms", "0");
    // Otherwise the log cleaner takes 128 MiB of heap at start-up.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    props.putAll(overrides);
    return props;
  }
}
