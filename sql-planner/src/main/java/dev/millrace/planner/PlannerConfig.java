package dev.millrace.planner;

import dev.millrace.engine.registry.SchemaRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 */
public record PlannerConfig(
    String defaultKeyFormat,
    Optional<String> defaultValueFormat,
    boolean wrapSingleValues,
    boolean newQueryPlanner,
    SchemaRegistry registry) {
  public static final String KEY_FORMAT = "ksql.persistence.default.format.key";
  public static final String VALUE_FORMAT = "ksql.persistence.default.format.value";
  public static final String WRAP_SINGLE_VALUES = "ksql.persistence.wrap.single.values";
  public static final String NEW_QUERY_PLANNER = "ksql.new.query.planner.enabled";

  /** Reads the properties planning cares about; others are ignored. */
  public static PlannerConfig from(Map<String, ?> properties, SchemaRegistry registry) {
    return new PlannerConfig(
        text(properties, KEY_FORMAT).map(s -> s.toUpperCase(Locale.ROOT)).orElse("KAFKA"),
        text(properties, VALUE_FORMAT).map(s -> s.toUpperCase(Locale.ROOT)),
        text(properties, WRAP_SINGLE_VALUES).map(Boolean::parseBoolean).orElse(true),
        text(properties, NEW_QUERY_PLANNER).map(Boolean::parseBoolean).orElse(false),
        registry);
  }

  private static Optional<String> text(Map<String, ?> properties, String name) {
    return Optional.ofNullable(properties.get(name))
        .map(Object::toString)
        .filter(s -> !s.isBlank());
  }
}
