package dev.millrace.cli.testing;

import dev.millrace.cli.testing.CaseSession.SourceSummary;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.Property;
import dev.millrace.parser.ast.WithProperties;
import java.util.Optional;

/**
 * Compares the {@code WITH} clause of {@code ASSERT STREAM|TABLE} with a source: its topic
 * (exactly, as Kafka names are) and formats (ignoring case). Any other property is reported as not
 * checkable rather than passed over, so a test never seems to check more than it does.
 */
final class SourceProperties {
  private SourceProperties() {}

  static Optional<String> difference(String name, WithProperties properties, SourceSummary source) {
    for (Property property : properties.properties()) {
      String expected = text(property.value());
      Optional<String> difference =
          switch (property.name()) {
            case "KAFKA_TOPIC" -> compare("kafka topic", name, expected, source.topic(), true);
            case "KEY_FORMAT" -> compare("key format", name, expected, source.keyFormat(), false);
            case "VALUE_FORMAT" ->
                compare("value format", name, expected, source.valueFormat(), false);
            case "FORMAT" ->
                compare("key format", name, expected, source.keyFormat(), false)
                    .or(() -> compare("value format", name, expected, source.valueFormat(), false));
            default ->
                Optional.of(
                    "ASSERT cannot check "
                        + property.name()
                        + " yet; Millrace checks KAFKA_TOPIC, FORMAT, KEY_FORMAT and VALUE_FORMAT");
          };
      if (difference.isPresent()) {
        return difference;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> compare(
      String what, String name, String expected, String actual, boolean exact) {
    boolean same = exact ? expected.equals(actual) : expected.equalsIgnoreCase(actual);
    return same
        ? Optional.empty()
        : Optional.of(
            "Expected "
                + what
                + " does not match actual for source "
                + name
                + ": expected "
                + expected
                + " but was "
                + actual);
  }

  private static String text(Literal literal) {
    return String.valueOf(literal.value());
  }
}
