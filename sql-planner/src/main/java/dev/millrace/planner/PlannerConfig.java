package dev.millrace.planner;

import dev.millrace.engine.registry.SchemaRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The session and server properties planning reads, with ksqlDB's names and defaults.
 *
 * @param defaultKeyFormat {@code ksql.persistence.default.format.key} (KAFKA)
 * @param defaultValueFormat {@code ksql.persistence.default.format.value} (none: VALUE_FORMAT is
 *     then required)
 * @param wrapSingleValues {@code ksql.persistence.wrap.single.values} (true)
 * @param newQueryPlanner {@code ksql.new.query.planner.enabled} (false): ksqlDB's newer projection
 *     rules for persistent queries (a plain stream query may leave out the key, and the key columns
 *     take the projection's order)
 * @param registry the schema registry ({@code ksql.schema.registry.url}), possibly the unconfigured
 *     one
 * @param functionSettings the {@code ksql.functions.<name>.<setting>} properties (such as {@code
 *     ksql.functions.collect_set.limit}), by name without the prefix ({@code collect_set.limit})
 * @param outputTopicPrefix {@code ksql.output.topic.name.prefix} (none): put before the name of the
 *     topic a CREATE ... AS SELECT creates when it names none in KAFKA_TOPIC
 */
public record PlannerConfig(
    String defaultKeyFormat,
    Optional<String> defaultValueFormat,
    boolean wrapSingleValues,
    boolean newQueryPlanner,
    SchemaRegistry registry,
    Map<String, String> functionSettings,
    String outputTopicPrefix) {
  public static final String KEY_FORMAT = "ksql.persistence.default.format.key";
  public static final String VALUE_FORMAT = "ksql.persistence.default.format.value";
  public static final String WRAP_SINGLE_VALUES = "ksql.persistence.wrap.single.values";
  public static final String NEW_QUERY_PLANNER = "ksql.new.query.planner.enabled";
  public static final String FUNCTIONS_PREFIX = "ksql.functions.";
  public static final String OUTPUT_TOPIC_PREFIX = "ksql.output.topic.name.prefix";

  public PlannerConfig {
    functionSettings = Map.copyOf(functionSettings);
  }

  /** Reads the properties planning cares about; others are ignored. */
  public static PlannerConfig from(Map<String, ?> properties, SchemaRegistry registry) {
    return new PlannerConfig(
        text(properties, KEY_FORMAT).map(s -> s.toUpperCase(Locale.ROOT)).orElse("KAFKA"),
        text(properties, VALUE_FORMAT).map(s -> s.toUpperCase(Locale.ROOT)),
        text(properties, WRAP_SINGLE_VALUES).map(Boolean::parseBoolean).orElse(true),
        text(properties, NEW_QUERY_PLANNER).map(Boolean::parseBoolean).orElse(false),
        registry,
        functionSettings(properties),
        text(properties, OUTPUT_TOPIC_PREFIX).orElse(""));
  }

  /**
   * A function's settings for a query: its {@code ksql.functions.<name>.<setting>} properties by
   * setting ({@code name} in any case).
   */
  public Map<String, String> settingsOf(String function) {
    String prefix = function.toLowerCase(Locale.ROOT) + ".";
    Map<String, String> settings = new TreeMap<>();
    functionSettings.forEach(
        (name, value) -> {
          if (name.startsWith(prefix)) {
            settings.put(name.substring(prefix.length()), value);
          }
        });
    return settings;
  }

  private static Map<String, String> functionSettings(Map<String, ?> properties) {
    Map<String, String> settings = new TreeMap<>();
    properties.forEach(
        (name, value) -> {
          if (name.startsWith(FUNCTIONS_PREFIX) && value != null) {
            settings.put(
                name.substring(FUNCTIONS_PREFIX.length()).toLowerCase(Locale.ROOT),
                value.toString());
          }
        });
    return settings;
  }

  private static Optional<String> text(Map<String, ?> properties, String name) {
    return Optional.ofNullable(properties.get(name))
        .map(Object::toString)
        .filter(s -> !s.isBlank());
  }
}
