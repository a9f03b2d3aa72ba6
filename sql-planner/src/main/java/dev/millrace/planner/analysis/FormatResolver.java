package dev.millrace.planner.analysis;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides a source's key and value formats from its WITH clause (KEY_FORMAT, VALUE_FORMAT, FORMAT,
 * KEY_DELIMITER, VALUE_DELIMITER, WRAP_SINGLE_VALUE), falling back to defaults (session properties,
 * or the input's formats for CREATE ... AS SELECT), and checks the formats can carry the columns.
 */
public final class FormatResolver {

  /**
   * What applies when the WITH clause says nothing.
   *
   * @param key the key format, if there is a default
   * @param value the value format, if there is a default
   * @param valueOptions options that come with the default value format (e.g. its delimiter)
   * @param wrapSingleValues whether a single value column is wrapped in an object by default
   * @param registry the schema registry registry formats need (it may be the unconfigured one)
   */
  public record Defaults(
      Optional<String> key,
      Optional<String> value,
      Map<String, String> valueOptions,
      boolean wrapSingleValues,
      SchemaRegistry registry) {}

  private FormatResolver() {}

  /**
   * The formats of a source. {@code declared} is true for CREATE STREAM|TABLE, whose key format
   * stays as given even without key columns; the result of a query without key columns has the NONE
   * key format.
   */
  public static Formats resolve(
      WithClause with,
      LogicalSchema schema,
      Optional<WindowInfo> window,
      Defaults defaults,
      boolean declared,
      NodeLocation statement) {
    if (with.has("FORMAT") && with.has("VALUE_FORMAT")) {
      throw conflict("VALUE_FORMAT", with, statement);
    }
    if (with.has("FORMAT") && with.has("KEY_FORMAT")) {
      throw conflict("KEY_FORMAT", with, statement);
    }
    String value = valueFormat(with, defaults, statement);
    String key = keyFormat(with, defaults);
    NodeLocation valueWhere =
        with.location(with.has("FORMAT") ? "FORMAT" : "VALUE_FORMAT", statement);
    NodeLocation keyWhere = with.location(with.has("FORMAT") ? "FORMAT" : "KEY_FORMAT", statement);
    FormatRules.checkName(value, valueWhere);
    FormatRules.checkName(key, keyWhere);
    if (schema.key().isEmpty() && !declared) {
      if (with.has("KEY_FORMAT") && !key.equals("NONE")) {
        throw new PlanningException(
            with.location("KEY_FORMAT", statement),
            "Key format specified for stream without key columns.");
      }
      key = "NONE";
    }
    FormatRules.checkColumns(key, schema.key(), true, statement);
    FormatRules.checkColumns(value, schema.value(), false, statement);
    FormatRules.checkRegistry(value, defaults.registry(), valueWhere);
    FormatRules.checkRegistry(key, defaults.registry(), keyWhere);
    Map<String, String> options = new TreeMap<>(valueOptions(with, value, defaults, statement));
    options.putAll(FormatOptions.of(with, value, false, statement));
    Map<String, String> keyOptions = new TreeMap<>(keyOptions(with, key, statement));
    keyOptions.putAll(FormatOptions.of(with, key, true, statement));
    boolean wrapped = wrapped(with, value, schema, defaults, statement);
    return new Formats(
        new FormatInfo(key, keyOptions, false), new FormatInfo(value, options, wrapped), window);
  }

  /** The value format the WITH clause or the defaults name; one must. */
  public static String valueFormat(WithClause with, Defaults defaults, NodeLocation statement) {
    return with.upper("VALUE_FORMAT")
        .or(() -> with.upper("FORMAT"))
        .or(defaults::value)
        .orElseThrow(
            () ->
                new PlanningException(
                    statement,
                    "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. "
                        + "Either provide one or set a default via the 'ksql.persistence.default.format.value' config."));
  }

  /** The key format the WITH clause or the defaults name, else KAFKA. */
  public static String keyFormat(WithClause with, Defaults defaults) {
    return with.upper("KEY_FORMAT")
        .or(() -> with.upper("FORMAT"))
        .or(defaults::key)
        .orElse("KAFKA");
  }

  private static PlanningException conflict(String other, WithClause with, NodeLocation statement) {
    return new PlanningException(
        with.location("FORMAT", statement),
        "Cannot supply both '"
            + other
            + "' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use "
            + "'KEY_FORMAT' and 'VALUE_FORMAT'.");
  }

  private static Map<String, String> valueOptions(
      WithClause with, String format, Defaults defaults, NodeLocation statement) {
    Optional<String> delimiter = with.string("VALUE_DELIMITER");
    if (delimiter.isEmpty()) {
      return format.equals(defaults.value().orElse("")) ? defaults.valueOptions() : Map.of();
    }
    NodeLocation where = with.location("VALUE_DELIMITER", statement);
    if (!format.equals("DELIMITED")) {
      throw new PlanningException(
          where, format + " does not support the following configs: [delimiter]");
    }
    return Map.of("delimiter", delimiter(delimiter.get(), where));
  }

  private static Map<String, String> keyOptions(
      WithClause with, String format, NodeLocation statement) {
    Optional<String> delimiter = with.string("KEY_DELIMITER");
    if (delimiter.isEmpty()) {
      return Map.of();
    }
    NodeLocation where = with.location("KEY_DELIMITER", statement);
    if (!format.equals("DELIMITED")) {
      throw new PlanningException(
          where, format + " does not support the following configs: [delimiter]");
    }
    return Map.of("delimiter", delimiter(delimiter.get(), where, "KEY_DELIMITER"));
  }

  private static String delimiter(String text, NodeLocation where) {
    return delimiter(text, where, "VALUE_DELIMITER");
  }

  private static String delimiter(String text, NodeLocation where, String property) {
    String upper = text.toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("TAB")) {
      return "\t";
    }
    if (upper.equals("SPACE")) {
      return " ";
    }
    if (text.isBlank()) {
      throw new PlanningException(
          where,
          "Configuration "
              + property
              + " is invalid: Delimiter cannot be empty, if you "
              + "meant to have a tab or space for delimiter, please use the special values 'TAB' or 'SPACE'");
    }
    if (text.length() != 1) {
      throw new PlanningException(
          where,
          "Configuration "
              + property
              + " is invalid: Invalid delimiter value: '"
              + text
              + "'. Delimiter must be a single character or TAB,SPACE");
    }
    return text;
  }

  private static boolean wrapped(
      WithClause with,
      String format,
      LogicalSchema schema,
      Defaults defaults,
      NodeLocation statement) {
    Optional<Boolean> explicit = with.bool("WRAP_SINGLE_VALUE");
    if (explicit.isPresent() && schema.value().size() != 1) {
      throw new PlanningException(
          with.location("WRAP_SINGLE_VALUE", statement),
          "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
    }
    SerdeFormat.Wrapping wrapping = SerdeFormat.named(format).wrapping();
    // A format that always wraps cannot be told not to, and one that never does (KAFKA,
    // DELIMITED, NONE: a bare value is all they hold) cannot be told to.
    boolean refused =
        wrapping == SerdeFormat.Wrapping.ALWAYS && explicit.equals(Optional.of(false))
            || wrapping == SerdeFormat.Wrapping.NEVER && explicit.equals(Optional.of(true));
    if (refused) {
      throw new PlanningException(
          with.location("WRAP_SINGLE_VALUE", statement),
          "Format '"
              + format
              + "' does not support 'WRAP_SINGLE_VALUE' set to '"
              + explicit.get()
              + "'.");
    }
    return switch (wrapping) {
      case NEVER -> false;
      case ALWAYS -> true;
      case OPTIONAL -> explicit.orElse(defaults.wrapSingleValues());
    };
  }
}
