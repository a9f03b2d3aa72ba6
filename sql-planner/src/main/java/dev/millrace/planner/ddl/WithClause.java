package dev.millrace.planner.ddl;

import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Property;
import dev.millrace.parser.ast.WithProperties;
import dev.millrace.planner.PlanningException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated access to a statement's WITH clause. Unknown property names are rejected with
 * the statement's position, as ksqlDB does, so a typo never silently falls back to a default.
 */
public final class WithClause {
  /** Every property a CREATE or CREATE ... AS SELECT statement accepts. */
  public static final Set<String> KNOWN = Set.of(
      "KAFKA_TOPIC", "VALUE_FORMAT", "KEY_FORMAT", "FORMAT", "PARTITIONS", "REPLICAS", "TIMESTAMP",
      "TIMESTAMP_FORMAT", "VALUE_DELIMITER", "KEY_DELIMITER", "WRAP_SINGLE_VALUE", "WINDOW_TYPE", "WINDOW_SIZE",
      "KEY_SCHEMA_ID", "VALUE_SCHEMA_ID", "KEY_SCHEMA_FULL_NAME", "VALUE_SCHEMA_FULL_NAME", "VALUE_AVRO_SCHEMA_FULL_NAME",
      "RETENTION_MS", "CLEANUP_POLICY", "SOURCE_CONNECTOR");

  private final WithProperties properties;
  private final NodeLocation statement;

  public WithClause(WithProperties properties, NodeLocation statement) {
    this.properties = properties;
    this.statement = statement;
    for (Property property : properties.properties()) {
      if (!KNOWN.contains(property.name())) {
        throw new PlanningException(property.location(), "Invalid config variable(s) in the WITH clause: " + property.name());
      }
    }
  }

  public boolean has(String name) {
    return properties.find(name).isPresent();
  }

  public Optional<String> string(String name) {
    return properties.find(name).map(p -> text(p));
  }

  /** The property as an upper-case word, e.g. a format name. */
  public Optional<String> word(String name) {
    return string(name).map(s -> s.toUpperCase(Locale.ROOT));
  }

  public Optional<Integer> integer(String name) {
    return properties.find(name).map(p -> {
      Object value = p.value().value();
      try {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
      } catch (NumberFormatException notANumber) {
        throw new PlanningException(p.location(), "Invalid value for property " + name + ": '" + value + "' is not a number");
      }
    });
  }

  public Optional<Boolean> bool(String name) {
    return properties.find(name).map(p -> {
      Object value = p.value().value();
      if (value instanceof Boolean b) {
        return b;
      }
      String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
      if (!text.equals("true") && !text.equals("false")) {
        throw new PlanningException(p.location(), "Invalid value for property " + name + ": expected true or false, got '" + value + "'");
      }
      return Boolean.parseBoolean(text);
    });
  }

  /** Where a property was written, else where the statement starts: for error messages. */
  public NodeLocation location(String name) {
    return properties.find(name).map(Property::location).orElse(statement);
  }

  private static String text(Property property) {
    return String.valueOf(property.value().value());
  }
}
