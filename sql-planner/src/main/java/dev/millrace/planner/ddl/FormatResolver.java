package dev.millrace.planner.ddl;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.planner.PlanningException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out a source's key and value formats from its WITH clause and the session's default-format
 * properties, as ksqlDB does: FORMAT sets both; KEY_FORMAT defaults to
 * {@code ksql.persistence.default.format.key} (else KAFKA), and to NONE when there are no key
 * columns; VALUE_FORMAT defaults to {@code ksql.persistence.default.format.value} or is required.
 */
public final class FormatResolver {
  public static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";
  public static final String DEFAULT_VALUE_FORMAT = "ksql.persistence.default.format.value";
  public static final String WRAP_SINGLE_VALUES = "ksql.persistence.wrap.single.values";

  private static final Set<String> SUPPORTED = Set.of("KAFKA", "JSON", "DELIMITED", "NONE");
  private static final Set<String> KNOWN = Set.of("KAFKA", "JSON", "DELIMITED", "NONE", "AVRO", "PROTOBUF", "PROTOBUF_NOSR", "JSON_SR");

  private FormatResolver() {}

  /**
   * The formats for a source with {@code keyColumns} key columns and {@code valueColumns} value
   * columns; {@code inherited} gives the formats to fall back to (a query's source), if any.
   */
  public static Formats resolve(
      WithClause with, Map<String, ?> session, int keyColumns, int valueColumns, Optional<Formats> inherited,
      Optional<WindowInfo> window) {
    if (with.has("FORMAT") && (with.has("KEY_FORMAT") || with.has("VALUE_FORMAT"))) {
      String other = with.has("KEY_FORMAT") ? "KEY_FORMAT" : "VALUE_FORMAT";
      throw new PlanningException(with.location("FORMAT"), "Cannot supply both 'FORMAT' and '" + other + "' properties, "
          + "as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.");
    }
    String keyName = with.word("FORMAT").or(() -> with.word("KEY_FORMAT"))
        .or(() -> inherited.map(f -> f.key().format()).filter(f -> keyColumns > 0 && !f.equals("NONE")))
        .or(() -> setting(session, DEFAULT_KEY_FORMAT))
        .orElse("KAFKA");
    if (keyColumns == 0 && !with.has("FORMAT") && !with.has("KEY_FORMAT")) {
      keyName = "NONE";
    }
    String valueName = with.word("FORMAT").or(() -> with.word("VALUE_FORMAT"))
        .or(() -> inherited.map(f -> f.value().format()))
        .or(() -> setting(session, DEFAULT_VALUE_FORMAT))
        .orElseThrow(() -> new PlanningException(with.location("VALUE_FORMAT"),
            "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default "
                + "via the '" + DEFAULT_VALUE_FORMAT + "' config."));
    checkSupported(with, keyName, "KEY_FORMAT");
    checkSupported(with, valueName, "VALUE_FORMAT");
    FormatInfo key = new FormatInfo(keyName, delimiter(with, "KEY_DELIMITER", keyName), false);
    FormatInfo value = new FormatInfo(valueName, delimiter(with, "VALUE_DELIMITER", valueName),
        wrapSingleValue(with, session, valueName, valueColumns));
    if (keyColumns > 1 && keyName.equals("KAFKA")) {
      throw new PlanningException(with.location("KEY_FORMAT"),
          "The 'KAFKA' format only supports a single field. Got: " + keyColumns + " key columns");
    }
    if (valueColumns > 1 && valueName.equals("KAFKA")) {
      throw new PlanningException(with.location("VALUE_FORMAT"),
          "The 'KAFKA' format only supports a single field. Got: " + valueColumns + " value columns");
    }
    return new Formats(key, value, window);
  }

  private static void checkSupported(WithClause with, String format, String property) {
    if (!KNOWN.contains(format)) {
      throw new PlanningException(with.location(property), "Unknown format: " + format);
    }
    if (!SUPPORTED.contains(format)) {
      throw new PlanningException(with.location(property),
          "The " + format + " format needs a schema registry, which Millrace does not support yet");
    }
  }

  private static Map<String, String> delimiter(WithClause with, String property, String format) {
    Optional<String> written = with.string(property);
    if (written.isEmpty()) {
      return Map.of();
    }
    if (!format.equals("DELIMITED")) {
      throw new PlanningException(with.location(property), property + " is only valid with the DELIMITED format");
    }
    String delimiter = switch (written.get().toUpperCase(java.util.Locale.ROOT)) {
      case "TAB" -> "\t";
      case "SPACE" -> " ";
      default -> written.get();
    };
    if (delimiter.length() != 1) {
      throw new PlanningException(with.location(property), "Invalid delimiter '" + written.get()
          + "': a delimiter is one character, or TAB or SPACE");
    }
    Map<String, String> options = new HashMap<>();
    options.put("delimiter", delimiter);
    return options;
  }

  private static boolean wrapSingleValue(WithClause with, Map<String, ?> session, String format, int valueColumns) {
    Optional<Boolean> written = with.bool("WRAP_SINGLE_VALUE");
    if (written.isPresent()) {
      if (valueColumns != 1) {
        throw new PlanningException(with.location("WRAP_SINGLE_VALUE"),
            "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
      }
      if (!format.equals("JSON") && written.get()) {
        throw new PlanningException(with.location("WRAP_SINGLE_VALUE"),
            "Format '" + format + "' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
      }
      return written.get();
    }
    if (!format.equals("JSON")) {
      return false;
    }
    return setting(session, WRAP_SINGLE_VALUES).map(Boolean::parseBoolean).orElse(true);
  }

  private static Optional<String> setting(Map<String, ?> session, String name) {
    Object value = session.get(name);
    return value == null ? Optional.empty() : Optional.of(value.toString().toUpperCase(java.util.Locale.ROOT));
  }
}
