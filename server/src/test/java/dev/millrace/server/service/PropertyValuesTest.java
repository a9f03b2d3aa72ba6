package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of the properties Millrace knows: property, value, then the exact problem (empty when
 * accepted).
 */
class PropertyValuesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      auto.offset.reset                   | earliest  |
      auto.offset.reset                   | LATEST    |
      auto.offset.reset                   | none      |
      auto.offset.reset                   | zzz       | Invalid value 'zzz' for property 'auto.offset.reset': it must be one of earliest, latest, none.
      ksql.streams.auto.offset.reset      | beginning | Invalid value 'beginning' for property 'ksql.streams.auto.offset.reset': it must be one of earliest, latest, none.
      processing.guarantee                | exactly_once_v2 |
      processing.guarantee                | at_least_once   |
      processing.guarantee                | twice     | Invalid value 'twice' for property 'processing.guarantee': it must be one of at_least_once, exactly_once, exactly_once_beta, exactly_once_v2.
      commit.interval.ms                  | 100       |
      commit.interval.ms                  | -1        | Invalid value '-1' for property 'commit.interval.ms': it must be a whole number of at least 0.
      ksql.streams.cache.max.bytes.buffering | 1.5    | Invalid value '1.5' for property 'ksql.streams.cache.max.bytes.buffering': it must be a whole number of at least 0.
      num.stream.threads                  | 1         |
      ksql.variable.substitution.enable   | true      |
      ksql.variable.substitution.enable   | false     | Invalid value 'false' for property 'ksql.variable.substitution.enable': it must be true: Millrace always replaces ${name} with a DEFINEd variable; write $${name} to keep the text as it is.
      num.stream.threads                  | 4         | Invalid value '4' for property 'num.stream.threads': it must be 1: each query runs on one thread; run more servers with the same ksql.service.id to use more cores.
      ksql.streams.num.standby.replicas   | 1         | Invalid value '1' for property 'ksql.streams.num.standby.replicas': it must be 0: Millrace keeps no standby replicas; state is restored from changelogs.
      ksql.streams.state.dir              | /tmp/s    | Property 'ksql.streams.state.dir' is not supported: query state lives under the server's data directory.
      main.consumer.max.poll.records      | 10        | Property 'main.consumer.max.poll.records' is not supported: give the setting as consumer.<setting> or producer.<setting>.
      ksql.streams.producer.linger.ms     | 20        |
      ksql.streams.producer.linger.ms     | soon      | Invalid value 'soon' for property 'ksql.streams.producer.linger.ms': Kafka's clients refuse it: Invalid value soon for configuration linger.ms: Not a number of type LONG
      producer.max.poll.records           | 10        | Invalid value '10' for property 'producer.max.poll.records': it is not a Kafka producer setting.
      consumer.max.poll.records           | 0         | Invalid value '0' for property 'consumer.max.poll.records': Kafka's clients refuse it: Invalid value 0 for configuration max.poll.records: Value must be at least 1
      batch.size                          | 65536     |
      ksql.streams.consumer.isolation.level | read_uncommitted | Invalid value 'read_uncommitted' for property 'ksql.streams.consumer.isolation.level': Millrace sets isolation.level itself (its guarantees depend on it); it cannot be changed.
      enable.idempotence                  | false     | Invalid value 'false' for property 'enable.idempotence': Millrace sets enable.idempotence itself (its guarantees depend on it); it cannot be changed.
      ksql.streams.bootstrap.servers      | k1:9092   |
      ksql.persistence.wrap.single.values | False     |
      ksql.persistence.wrap.single.values | yes       | Invalid value 'yes' for property 'ksql.persistence.wrap.single.values': it must be one of true, false.
      ksql.functions.collect_set.limit    | 1         |
      ksql.functions.collect_list.limit   | -1        | Invalid value '-1' for property 'ksql.functions.collect_list.limit': it must be a whole number of at least 0.
      some.unknown.property               | anything  | Not recognizable as ksql, streams, consumer, or producer property: 'some.unknown.property'
      replication.factor                  | 3         | Property 'replication.factor' is not supported: Millrace creates internal topics with the Kafka cluster's default replication factor (the brokers' default.replication.factor).
      ksql.streams.comit.interval.ms      | 100       | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.streams.comit.interval.ms' (did you mean 'ksql.streams.commit.interval.ms'?)
      ksql.streams.max.pol.records        | 10        | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.streams.max.pol.records' (did you mean 'ksql.streams.max.poll.records'?)
      ksql.persistence.wrap.singel.values | true      | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.persistence.wrap.singel.values' (did you mean 'ksql.persistence.wrap.single.values'?)
      ksql.no.such.thing                  | 1         | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.no.such.thing'
      ksql.query.pull.max.qps             | 10        | Property 'ksql.query.pull.max.qps' is not supported: Millrace does not limit the rate of pull queries; limit requests in front of the REST API.
      ksql.functions.substring.legacy.args | false    |
      ksql.functions.substring.legacy.args | true     | Invalid value 'true' for property 'ksql.functions.substring.legacy.args': it must be false: Millrace's SUBSTRING takes only ksqlDB's current arguments.
      ksql.streams.topology.optimization  | none      |
      ksql.streams.topology.optimization  | all       | Invalid value 'all' for property 'ksql.streams.topology.optimization': it must be none: Millrace makes none of Kafka Streams' topology optimisations: a table's state has its own changelog topic, and each query its own repartition topics.
      ksql.functions.my_udf.base          | 10        | Property 'ksql.functions.my_udf.base' is not supported: Millrace reads no ksql.functions.* setting but collect_list.limit, collect_set.limit and substring.legacy.args; user functions take no configuration.
      ksql.heartbeat.send.interval.ms     | 100       | Property 'ksql.heartbeat.send.interval.ms' is a server setting: set it in the server's configuration, not per query.
      ksql.query.pull.table.scan.enabled  | false     | Invalid value 'false' for property 'ksql.query.pull.table.scan.enabled': it must be true: Millrace's pull queries may always scan a table.
      millrace.internal.pull.partitions   | 0,1       |
      """)
  void checksTheValuesOfKnownProperties(String name, String value, String problem) {
    assertEquals(Optional.ofNullable(problem), PropertyValues.problem(name, value));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      ksql.heartbeat.send.interval.ms     | 100       |
      ksql.heartbeat.enable               | false     | Invalid value 'false' for property 'ksql.heartbeat.enable': it must be true: Millrace's servers always exchange heartbeats: pull query forwarding and /clusterStatus rely on them.
      ksql.internal.topic.replicas        | 3         | Property 'ksql.internal.topic.replicas' is not supported: Millrace creates its internal topics with the Kafka cluster's default replication factor (the brokers' default.replication.factor).
      ksql.hearbeat.window.ms             | 2000      | Not recognizable as ksql, streams, consumer, or producer property: 'ksql.hearbeat.window.ms' (did you mean 'ksql.heartbeat.window.ms'?)
      ksql.persistence.wrap.single.values | no        | Invalid value 'no' for property 'ksql.persistence.wrap.single.values': it must be one of true, false.
      millrace.internal.pull.partitions   | 0,1       | Not recognizable as ksql, streams, consumer, or producer property: 'millrace.internal.pull.partitions'
      """)
  void checksTheServersConfigurationWhichMayHoldServerSettings(
      String name, String value, String problem) {
    assertEquals(Optional.ofNullable(problem), PropertyValues.serverProblem(name, value));
  }

  @Test
  void aRequestWithAWrongValueIsABadRequest() {
    EngineException error =
        assertThrows(
            EngineException.class,
            () ->
                PropertyValues.checkRequest(
                    Map.of("commit.interval.ms", 1000, "num.stream.threads", -2)));

    assertEquals(ErrorCode.BAD_REQUEST, error.errorCode());
    assertEquals(
        "Invalid value '-2' for property 'num.stream.threads': it must be 1: each query runs on one"
            + " thread; run more servers with the same ksql.service.id to use more cores.",
        error.getMessage());
  }
}
