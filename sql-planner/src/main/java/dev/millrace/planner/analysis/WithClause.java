package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.BooleanLiteral;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Property;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.WithProperties;
import dev.millrace.planner.PlanningException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Typed, checked access to a statement's {@code WITH (...)} properties. */
public final class WithClause {
  private final WithProperties properties;

  /** Checks that only {@code allowed} properties are given. */
  public WithClause(WithProperties properties, Set<String> allowed, NodeLocation statement) {
    this.properties = properties;
    Set<String> unknown = new TreeSet<>();
    properties.properties().stream()
        .map(Property::name)
        .filter(n -> !allowed.contains(n))
        .forEach(unknown::add);
    if (!unknown.isEmpty()) {
      Property first = properties.find(unknown.iterator().next()).orElseThrow();
      throw new PlanningException(
          first.location(),
          "Invalid config variable(s) in the WITH clause: "
              + String.join(",", unknown)
              + "."
              + ClosestNames.hint(unknown.iterator().next(), allowed));
    }
  }

  public boolean has(String name) {
    return properties.find(name).isPresent();
  }

  public NodeLocation location(String name, NodeLocation otherwise) {
    return properties.find(name).map(Property::location).orElse(otherwise);
  }

  /** A string property (other literals are read as their text, as ksqlDB does). */
  public Optional<String> string(String name) {
    return properties.get(name).map(WithClause::text);
  }

  /** An upper-cased string property, for names of formats and window types. */
  public Optional<String> upper(String name) {
    return string(name).map(s -> s.toUpperCase(Locale.ROOT));
  }

  public OptionalInt integer(String name) {
    Optional<Property> property = properties.find(name);
    if (property.isEmpty()) {
      return OptionalInt.empty();
    }
    Literal value = property.get().value();
    try {
      if (value instanceof IntegerLiteral i) {
        return OptionalInt.of(i.intValue());
      }
      if (value instanceof LongLiteral l) {
        return OptionalInt.of(Math.toIntExact(l.longValue()));
      }
      return OptionalInt.of(Integer.parseInt(text(value).trim()));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new PlanningException(
          property.get().location(),
          "Invalid value for " + name + ": '" + text(value) + "'. It must be a whole number.");
    }
  }

  public Optional<Boolean> bool(String name) {
    Optional<Property> property = properties.find(name);
    if (property.isEmpty()) {
      return Optional.empty();
    }
    Literal value = property.get().value();
    if (value instanceof BooleanLiteral b) {
      return Optional.of(b.booleanValue());
    }
    String text = text(value).trim().toLowerCase(Locale.ROOT);
    if (!List.of("true", "false").contains(text)) {
      throw new PlanningException(
          property.get().location(),
          "Invalid value for " + name + ": '" + text(value) + "'. It must be true or false.");
    }
    return Optional.of(Boolean.parseBoolean(text));
  }

  private static String text(Literal literal) {
    return literal instanceof StringLiteral s ? s.stringValue() : String.valueOf(literal.value());
  }
}
