package dev.millrace.server.config;

import static dev.millrace.server.config.ValueChecks.CHECKED_WHERE_READ;
import static dev.millrace.server.config.ValueChecks.oneOf;
import static dev.millrace.server.config.ValueChecks.only;
import static dev.millrace.server.config.ValueChecks.wholeNumber;

import dev.millrace.engine.registry.SchemaRegistries;
import dev.millrace.planner.PlannerConfig;
import dev.millrace.server.config.KsqlSetting.Honoured;
import dev.millrace.server.config.KsqlSetting.Refused;
import dev.millrace.server.config.KsqlSetting.Scope;
import dev.millrace.server.service.PropertyDenyList;
import dev.millrace.server.service.QueriesFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every ksqlDB setting ({@code ksql.*}, Kafka Streams' {@code ksql.streams.*} aside) Millrace
 * knows: those it honours, and ksqlDB's documented settings it refuses, with what to do instead. A
 * setting that is neither is unknown, and refused as ksqlDB refuses it. docs/settings.md lists the
 * same.
 */
public final class KsqlSettings {
  /** ksqlDB's deprecated default partition count of a query's sink topic. */
  public static final String SINK_PARTITIONS = "ksql.sink.partitions";

  /** ksqlDB's deprecated default replication factor of a query's sink topic. */
  public static final String SINK_REPLICAS = "ksql.sink.replicas";

  private static final String ALWAYS_HEARTBEATS =
      "Millrace's servers always exchange heartbeats: pull query forwarding and /clusterStatus rely"
          + " on them.";

  /** Honoured settings first, then refused ones, each group in the order of docs/settings.md. */
  public static final List<KsqlSetting> ALL =
      List.of(
          server(
              ServerConfig.SERVICE_ID,
              "default_",
              "servers with the same service id share the command log and the queries"),
          server(
              ServerConfig.ADVERTISED_LISTENER,
              "the first `listeners` URL",
              "the URL the other servers of the service reach this one by"),
          server(
              ServerConfig.EXTENSION_DIR,
              "ext",
              "the directory whose jars hold user functions (UDF, UDAF, UDTF)"),
          server(
              SchemaRegistries.URL,
              "(none)",
              "the schema registry of the AVRO, JSON_SR and PROTOBUF formats"),
          server(
              ServerConfig.STATE_MEMORY_BYTES,
              "268435456",
              "the native memory all RocksDB stores of the server's queries share, in bytes"),
          server(
              ServerConfig.QUERY_RETRY_BACKOFF_INITIAL_MS,
              "15000",
              "how long a query stopped by a transient error waits before it restarts"),
          server(
              ServerConfig.QUERY_RETRY_BACKOFF_MAX_MS,
              "900000",
              "the longest wait between restarts of a query that keeps failing"),
          server(
              QueriesFile.CONFIG,
              "(none)",
              "headless mode: the file of statements the server runs at start"),
          server(
              PropertyDenyList.CONFIG,
              "(none)",
              "further properties (comma-separated) that requests and SET may not change"),
          new Honoured(
              ServerConfig.HEARTBEAT_ENABLE,
              Scope.SERVER,
              "true",
              "only `true`: the servers of a service send each other heartbeats",
              only("true", ALWAYS_HEARTBEATS)),
          server(
              ServerConfig.HEARTBEAT_SEND_INTERVAL_MS,
              "100",
              "how often, in milliseconds, a server sends the others its heartbeat"),
          server(
              ServerConfig.HEARTBEAT_WINDOW_MS,
              "2000",
              "a server whose last heartbeat is older than this many milliseconds counts as down"),
          new Honoured(
              "ksql.lag.reporting.enable",
              Scope.SERVER,
              "true",
              "only `true`: each heartbeat carries how far the server's state stores lag behind"
                  + " their changelogs",
              only("true", ALWAYS_HEARTBEATS)),
          new Honoured(
              "ksql.logging.processing.topic.auto.create",
              Scope.SERVER,
              "true",
              "only `true`: the server creates its processing log topic at start",
              only("true", "the processing log topic is always created.")),
          new Honoured(
              "ksql.logging.processing.stream.auto.create",
              Scope.SERVER,
              "true",
              "only `true`: the server declares the MILLRACE_PROCESSING_LOG stream at start",
              only("true", "the processing log stream is always declared.")),
          new Honoured(
              "ksql.fail.on.deserialization.error",
              Scope.SERVER,
              "false",
              "only `false`: a record that cannot be read is skipped and reported to the"
                  + " processing log",
              only("false", "a record that cannot be read is skipped and reported.")),
          new Honoured(
              "ksql.fail.on.production.error",
              Scope.SERVER,
              "true",
              "only `true`: a query whose output cannot be written stops with an error",
              only("true", "a query whose output cannot be written stops with an error.")),
          query(
              PlannerConfig.KEY_FORMAT,
              "KAFKA",
              "the key format of a statement that gives none",
              CHECKED_WHERE_READ),
          query(
              PlannerConfig.VALUE_FORMAT,
              "(none)",
              "the value format of a statement that gives none",
              CHECKED_WHERE_READ),
          query(
              PlannerConfig.WRAP_SINGLE_VALUES,
              "true",
              "whether a single value column is written wrapped in an object or record",
              oneOf("true", "false")),
          query(
              PlannerConfig.NEW_QUERY_PLANNER,
              "false",
              "ksqlDB's newer projection rules for persistent queries",
              oneOf("true", "false")),
          query(
              "ksql.functions.collect_list.limit",
              "1000",
              "the most values a COLLECT_LIST result holds",
              wholeNumber(0)),
          query(
              "ksql.functions.collect_set.limit",
              "1000",
              "the most values a COLLECT_SET result holds",
              wholeNumber(0)),
          query(
              "ksql.variable.substitution.enable",
              "true",
              "only `true`: ${name} is replaced with a DEFINEd variable",
              only(
                  "true",
                  "Millrace always replaces ${name} with a DEFINEd variable; write $${name} to keep"
                      + " the text as it is.")),
          query(
              "ksql.query.pull.table.scan.enabled",
              "true",
              "only `true`: a pull query may scan the whole table",
              only("true", "Millrace's pull queries may always scan a table.")),
          query(
              "ksql.query.pull.enable.standby.reads",
              "false",
              "only `false`: pull queries read from the servers that run the query",
              only("false", "Millrace keeps no standby replicas to read from.")),
          query(
              "ksql.headers.columns.enabled",
              "true",
              "only `true`: streams and tables may have HEADERS and HEADER('<key>') columns",
              only("true", "Millrace always accepts header columns.")),
          query(
              "ksql.source.table.materialization.enabled",
              "true",
              "only `true`: CREATE SOURCE TABLE materialises the table for pull queries",
              only("true", "Millrace always materialises source tables.")),
          query(
              "ksql.functions.substring.legacy.args",
              "false",
              "only `false`: SUBSTRING takes ksqlDB's current arguments (a 1-based position and a"
                  + " length)",
              only("false", "Millrace's SUBSTRING takes only ksqlDB's current arguments.")),
          query(
              "ksql.windowed.session.key.legacy",
              "false",
              "only `false`: a session window's key holds its end and then its start, as Kafka"
                  + " Streams writes it",
              only("false", "Millrace writes session window keys in Kafka Streams' layout only.")),
          query(
              PlannerConfig.OUTPUT_TOPIC_PREFIX,
              "(none)",
              "put before the name of the topic a CREATE ... AS SELECT creates when KAFKA_TOPIC"
                  + " names none",
              CHECKED_WHERE_READ),
          query(
              SINK_PARTITIONS,
              "(none)",
              "the partition count of the topic a CREATE ... AS SELECT creates when PARTITIONS"
                  + " gives none (deprecated in ksqlDB); unset, the input's partition count",
              wholeNumber(1, Integer.MAX_VALUE)),
          query(
              SINK_REPLICAS,
              "(none)",
              "the replication factor of the topic a CREATE ... AS SELECT creates when REPLICAS"
                  + " gives none (deprecated in ksqlDB); unset, the Kafka cluster's default",
              wholeNumber(1, Short.MAX_VALUE)),
          new Refused(
              "ksql.plugins.rocksdb.*",
              "Millrace sizes RocksDB's block cache, memtables and threads from "
                  + ServerConfig.STATE_MEMORY_BYTES
                  + " alone."),
          new Refused(
              "ksql.schema.registry.*",
              "Millrace's schema registry client takes only "
                  + SchemaRegistries.URL
                  + " (no TLS or authentication towards the registry yet)."),
          new Refused(
              "ksql.functions.*",
              "Millrace reads no ksql.functions.* setting but collect_list.limit, collect_set.limit"
                  + " and substring.legacy.args; user functions take no configuration."),
          new Refused(
              "ksql.connect.url",
              "Millrace has no Kafka Connect integration; run connectors with Kafka Connect."),
          new Refused(
              "ksql.connect.worker.config",
              "Millrace has no Kafka Connect integration; run connectors with Kafka Connect."),
          new Refused(
              "ksql.heartbeat.check.interval.ms",
              "Millrace judges whether a server is up when it needs to know, from its last"
                  + " heartbeat; "
                  + ServerConfig.HEARTBEAT_WINDOW_MS
                  + " sets how recent that must be."),
          new Refused(
              "ksql.heartbeat.missed.threshold.ms",
              "a server counts as down when it has sent no heartbeat for "
                  + ServerConfig.HEARTBEAT_WINDOW_MS
                  + "; set that instead."),
          new Refused(
              "ksql.heartbeat.discover.interval.ms",
              "servers find each other by the heartbeats they write to their service's heartbeat"
                  + " topic, as soon as one arrives."),
          new Refused(
              "ksql.heartbeat.thread.pool.size",
              "one thread sends a server's heartbeats and one reads the others'."),
          new Refused(
              "ksql.internal.listener",
              "the other servers use the listeners like any client; "
                  + ServerConfig.ADVERTISED_LISTENER
                  + " sets the URL they use."),
          new Refused(
              "ksql.internal.topic.replicas",
              "Millrace creates its internal topics with the Kafka cluster's default replication"
                  + " factor (the brokers' default.replication.factor)."),
          new Refused(
              "ksql.logging.processing.topic.name",
              "the processing log topic is _millrace-<service id>-processing_log."),
          new Refused(
              "ksql.logging.processing.topic.partitions",
              "the processing log topic has one partition."),
          new Refused(
              "ksql.logging.processing.topic.replication.factor",
              "the processing log topic takes the Kafka cluster's default replication factor"
                  + " (the brokers' default.replication.factor)."),
          new Refused(
              "ksql.logging.processing.stream.name",
              "the processing log stream is MILLRACE_PROCESSING_LOG."),
          new Refused(
              "ksql.logging.processing.rows.include",
              "the processing log names a record by topic, partition and offset; read it there."),
          new Refused(
              "ksql.logging.server.rate.limited.response.codes",
              "Millrace writes no log line per request, so there is nothing to limit."),
          new Refused(
              "ksql.logging.server.rate.limited.request.paths",
              "Millrace writes no log line per request, so there is nothing to limit."),
          new Refused(
              "ksql.metrics.tags.custom",
              "Millrace publishes no JMX metrics of its own, and its Prometheus /metrics carry no"
                  + " custom tags."),
          new Refused(
              "ksql.query.persistent.active.limit",
              "Millrace does not limit how many persistent queries run."),
          new Refused(
              "ksql.query.pull.max.allowed.offset.lag",
              "a pull query answers from state restored up to its changelog's end only;"
                  + " millrace.pull.restore.wait.ms sets how long it waits for that."),
          new Refused(
              "ksql.query.pull.interpreter.enabled",
              "Millrace evaluates the expressions of every query, pull queries included, the same"
                  + " way."),
          new Refused(
              "ksql.query.pull.max.qps",
              "Millrace does not limit the rate of pull queries; limit requests in front of the"
                  + " REST API."),
          new Refused(
              "ksql.query.pull.max.concurrent.requests",
              "Millrace does not limit concurrent pull queries; limit requests in front of the"
                  + " REST API."),
          new Refused(
              "ksql.idle.connection.timeout.seconds",
              "Millrace keeps idle connections open; millrace.http.inserts.idle.timeout.ms ends an"
                  + " /inserts-stream request that sends no rows."));

  private KsqlSettings() {}

  /**
   * The setting called {@code name}: itself, or the refused family it belongs to (a refused setting
   * named on its own wins over its family, an honoured one over a refusal).
   */
  public static Optional<KsqlSetting> find(String name) {
    return ALL.stream()
        .filter(setting -> setting.name().equals(name))
        .findFirst()
        .or(
            () ->
                ALL.stream()
                    .filter(setting -> setting instanceof Refused refused && refused.covers(name))
                    .findFirst());
  }

  /** The names of the settings, for suggestions; families are left out. */
  public static List<String> names() {
    return ALL.stream().map(KsqlSetting::name).filter(name -> !name.endsWith("*")).toList();
  }

  private static Honoured server(String name, String defaultValue, String meaning) {
    return new Honoured(name, Scope.SERVER, defaultValue, meaning, CHECKED_WHERE_READ);
  }

  private static Honoured query(
      String name, String defaultValue, String meaning, Function<String, Optional<String>> check) {
    return new Honoured(name, Scope.QUERY, defaultValue, meaning, check);
  }
}
