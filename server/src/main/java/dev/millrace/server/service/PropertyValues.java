package dev.millrace.server.service;

import static dev.millrace.server.config.ValueChecks.oneOf;
import static dev.millrace.server.config.ValueChecks.only;
import static dev.millrace.server.config.ValueChecks.wholeNumber;

import dev.millrace.engine.runtime.MaxTaskIdle;
import dev.millrace.server.config.KsqlSetting;
import dev.millrace.server.config.KsqlSetting.Scope;
import dev.millrace.server.config.KsqlSettings;
import dev.millrace.server.config.NearestName;
import dev.millrace.server.config.ValueChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Whether a property may be set, and to that value, checked wherever a property is set (SET, the
 * {@code streamsProperties} or {@code properties} of a request, the shell's SET, the server's
 * configuration), so that a typo or a setting Millrace does not honour is an error at once rather
 * than silently ignored. {@code ksql.*} settings are looked up in {@link KsqlSettings}; Kafka
 * Streams settings (also with ksqlDB's {@code ksql.streams.} prefix) are honoured if listed here,
 * refused with a reason if Millrace does their job otherwise; Kafka client settings are checked as
 * Kafka's clients check them. Any other property is refused as ksqlDB refuses it.
 */
public final class PropertyValues {
  private static final String STREAMS_PREFIX = "ksql.streams.";
  private static final String KSQL_PREFIX = "ksql.";

  /** Each Kafka Streams setting Millrace honours and what is wrong with a value for it. */
  private static final Map<String, Function<String, Optional<String>>> RULES =
      Map.ofEntries(
          Map.entry("auto.offset.reset", oneOf("earliest", "latest", "none")),
          Map.entry(
              "processing.guarantee",
              oneOf("at_least_once", "exactly_once", "exactly_once_beta", "exactly_once_v2")),
          Map.entry("commit.interval.ms", wholeNumber(0)),
          Map.entry("cache.max.bytes.buffering", wholeNumber(0)),
          Map.entry("statestore.cache.max.bytes", wholeNumber(0)),
          Map.entry(
              "num.stream.threads",
              only(
                  "1",
                  "each query runs on one thread; run more servers with the same ksql.service.id"
                      + " to use more cores.")),
          Map.entry(
              "num.standby.replicas",
              only("0", "Millrace keeps no standby replicas; state is restored from changelogs.")),
          Map.entry(MaxTaskIdle.NAME, PropertyValues::maxTaskIdle),
          Map.entry(
              "topology.optimization",
              only(
                  "none",
                  "Millrace makes none of Kafka Streams' topology optimisations: a table's state"
                      + " has its own changelog topic, and each query its own repartition"
                      + " topics.")),
          // The server's Kafka cluster; requests may not change it (PropertyDenyList).
          Map.entry("bootstrap.servers", ValueChecks.CHECKED_WHERE_READ));

  /** Properties servers send each other on forwarded requests. */
  private static final Set<String> INTERNAL = Set.of(PullForwarding.PARTITIONS_PROPERTY);

  /** Kafka Streams settings Millrace does not support, with what does their job instead. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("application.id", "ksql.service.id and the query id name each query's group."),
          Map.entry("state.dir", "query state lives under the server's data directory."),
          Map.entry(
              "rocksdb.config.setter",
              "Millrace configures RocksDB itself; ksql.plugins.rocksdb.cache.size in the server's"
                  + " configuration bounds its memory."),
          Map.entry(
              "default.deserialization.exception.handler",
              "a record that cannot be read is skipped and reported to the processing log."),
          Map.entry(
              "processing.exception.handler",
              "a record that cannot be processed is skipped and reported to the processing log."),
          Map.entry(
              "default.production.exception.handler",
              "a query whose output cannot be written stops with an error."),
          Map.entry(
              "default.timestamp.extractor", "a source's TIMESTAMP property chooses record time."),
          Map.entry("default.key.serde", "a source's KEY_FORMAT chooses how keys are read."),
          Map.entry("default.value.serde", "a source's VALUE_FORMAT chooses how values are read."),
          Map.entry(
              "replication.factor",
              "Millrace creates internal topics with the Kafka cluster's default replication factor"
                  + " (the brokers' default.replication.factor)."));

  /** Kafka Streams' prefixes for one kind of client; Millrace has one producer and consumers. */
  private static final List<String> UNSUPPORTED_PREFIXES =
      List.of("main.consumer.", "restore.consumer.", "global.consumer.", "admin.");

  private PropertyValues() {}

  /**
   * What is wrong with setting property {@code name} to {@code value} for a session (SET, a
   * request's properties), as a sentence; empty when nothing is.
   */
  public static Optional<String> problem(String name, Object value) {
    return problem(name, String.valueOf(value), Scope.QUERY);
  }

  /**
   * What is wrong with {@code name=value} in the server's configuration, which may also hold the
   * settings that shape the whole server ({@link Scope#SERVER}).
   */
  public static Optional<String> serverProblem(String name, String value) {
    return problem(name, value, Scope.SERVER);
  }

  /**
   * Why a session may not set property {@code name} whatever its value (unknown, refused, or a
   * server setting); empty when it may, given a valid value.
   */
  public static Optional<String> nameProblem(String name) {
    return verdict(name, Scope.QUERY).refusal();
  }

  private static Optional<String> problem(String name, String text, Scope where) {
    Verdict verdict = verdict(name, where);
    return verdict.refusal().or(() -> invalid(name, text, verdict.check()));
  }

  /** What a property's name says: refused whatever its value, or a check of its value. */
  private record Verdict(Optional<String> refusal, Function<String, Optional<String>> check) {
    static Verdict refused(String why) {
      return new Verdict(Optional.of(why), ValueChecks.CHECKED_WHERE_READ);
    }

    static Verdict checked(Function<String, Optional<String>> check) {
      return new Verdict(Optional.empty(), check);
    }
  }

  private static Verdict verdict(String name, Scope where) {
    if (name.startsWith(KSQL_PREFIX) && !name.startsWith(STREAMS_PREFIX)) {
      return ksqlVerdict(name, where);
    }
    String key = name.startsWith(STREAMS_PREFIX) ? name.substring(STREAMS_PREFIX.length()) : name;
    Optional<String> unsupported = unsupported(key);
    if (unsupported.isPresent()) {
      return Verdict.refused("Property '" + name + "' is not supported: " + unsupported.get());
    }
    Function<String, Optional<String>> rule = RULES.get(key);
    if (rule != null) {
      return Verdict.checked(rule);
    }
    Optional<ClientProperty> client = ClientProperty.of(key);
    if (client.isPresent()) {
      return Verdict.checked(client.get()::problem);
    }
    if (where == Scope.QUERY && INTERNAL.contains(name)) {
      return Verdict.checked(ValueChecks.CHECKED_WHERE_READ);
    }
    return Verdict.refused(unrecognised(name, streamsNames(name.startsWith(STREAMS_PREFIX))));
  }

  private static Verdict ksqlVerdict(String name, Scope where) {
    Optional<KsqlSetting> setting = KsqlSettings.find(name);
    if (setting.isEmpty()) {
      return Verdict.refused(unrecognised(name, KsqlSettings.names()));
    }
    // Java 17 has no pattern switch yet; KsqlSetting is sealed, so these two cases are all.
    if (setting.get() instanceof KsqlSetting.Refused refused) {
      return Verdict.refused("Property '" + name + "' is not supported: " + refused.instead());
    }
    KsqlSetting.Honoured honoured = (KsqlSetting.Honoured) setting.get();
    if (honoured.scope() == Scope.SERVER && where == Scope.QUERY) {
      return Verdict.refused(
          "Property '"
              + name
              + "' is a server setting: set it in the server's configuration, not per query.");
    }
    return Verdict.checked(honoured.check());
  }

  private static Optional<String> invalid(
      String name, String text, Function<String, Optional<String>> check) {
    return check
        .apply(text.trim())
        .map(reason -> "Invalid value '" + text + "' for property '" + name + "': " + reason);
  }

  /** ksqlDB's words for a property it does not know, with the known name nearest to it. */
  private static String unrecognised(String name, Collection<String> known) {
    return "Not recognizable as ksql, streams, consumer, or producer property: '"
        + name
        + "'"
        + NearestName.hint(name, known);
  }

  /** The Kafka Streams and client settings Millrace knows, spelt with or without the prefix. */
  private static List<String> streamsNames(boolean prefixed) {
    List<String> names = new ArrayList<>(RULES.keySet());
    names.addAll(UNSUPPORTED.keySet());
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    return prefixed ? names.stream().map(name -> STREAMS_PREFIX + name).toList() : names;
  }

  private static Optional<String> unsupported(String key) {
    if (UNSUPPORTED.containsKey(key)) {
      return Optional.of(UNSUPPORTED.get(key));
    }
    return UNSUPPORTED_PREFIXES.stream()
        .filter(key::startsWith)
        .findFirst()
        .map(prefix -> "give the setting as consumer.<setting> or producer.<setting>.");
  }

  /** Fails with a BAD_REQUEST error naming the first property of a request whose value is wrong. */
  static void checkRequest(Map<String, Object> properties) {
    new TreeMap<>(properties)
        .forEach(
            (name, value) ->
                problem(name, value)
                    .ifPresent(
                        problem -> {
                          throw new EngineException(ErrorCode.BAD_REQUEST, problem);
                        }));
  }

  private static Optional<String> maxTaskIdle(String text) {
    try {
      MaxTaskIdle.parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException invalid) {
      return Optional.of("it must be " + MaxTaskIdle.EXPECTED + ".");
    }
  }
}
