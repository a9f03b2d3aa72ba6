package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.Queries;
import dev.millrace.server.kafka.KafkaBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server's engine on a Kafka cluster, without REST: its command log replayed at start, as a
 * (re)started server does, then followed live, and pull queries answered from its own state.
 */
record EngineOnKafka(CommandLog commandLog, CommandFollower follower, StatementEngine engine)
    implements AutoCloseable {

  /**
   * @param instanceId distinguishes servers sharing the service id
   * @param restoreWait how long a pull query waits for state being restored
   */
  static EngineOnKafka start(
      String bootstrapServers,
      String serviceId,
      String instanceId,
      Path stateDirectory,
      Duration restoreWait) {
    return start(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        restoreWait,
        UnconfiguredSchemaRegistry.INSTANCE);
  }

  /** As {@link #start(String, String, String, Path, Duration)}, with a schema registry. */
  static EngineOnKafka start(
      String bootstrapServers,
      String serviceId,
      String instanceId,
      Path stateDirectory,
      Duration restoreWait,
      SchemaRegistry registry) {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    RuntimeConfig runtime =
        RuntimeConfig.of(bootstrapServers, serviceId, stateDirectory).withInstanceId(instanceId);
    CommandLog commandLog = CommandLog.open(bootstrapServers, serviceId);
    StatementEngine engine =
        new StatementEngine(
            new KafkaBackend(runtime, functions, restoreWait, registry),
            commandLog::append,
            functions,
            Map.of(),
            false);
    CommandReplay replay = commandLog.replay();
    assertEquals(List.of(), engine.replay(replay.commands()), "statements skipped on replay");
    CommandFollower follower =
        CommandFollower.start(commandLog, engine, replay.end(), entity -> {});
    return new EngineOnKafka(commandLog, follower, engine);
  }

  /** The entity the statement returned. */
  KsqlEntity run(String sql) {
    return engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }

  /** The pull query's rows, or the error it answered. */
  PullResult tryPull(String sql) {
    try {
      return PullResult.run(engine, sql);
    } catch (EngineException error) {
      PullResult failed = new PullResult();
      failed.error = error;
      return failed;
    }
  }

  /** What queries wrote to the cluster's topics. */
  TopicOutput output() {
    return new TopicOutput(engine.backend());
  }

  /** Each query's state as SHOW QUERIES reports it, by query id. */
  Map<String, String> queryStates() {
    Map<String, String> states = new TreeMap<>();
    ((Queries) run("SHOW QUERIES;")).queries().forEach(q -> states.put(q.id(), q.state()));
    return states;
  }

  @Override
  public void close() {
    follower.close();
    engine.close();
    commandLog.close();
  }
}
