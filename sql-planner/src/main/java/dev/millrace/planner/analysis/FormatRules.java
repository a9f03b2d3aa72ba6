package dev.millrace.planner.analysis;

import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import java.util.List;

/**
 * The planner's view of {@link SerdeFormat}, the engine's registry of formats: checks a format
 * named in a WITH clause and the columns it must carry, with the statement's location.
 */
public final class FormatRules {
  private FormatRules() {}

  /** Checks the name of a format given in a WITH clause. */
  public static void checkName(String format, NodeLocation where) {
    if (SerdeFormat.of(format).isEmpty()) {
      throw new PlanningException(where, "Unknown format: " + format);
    }
  }

  /** Checks that a schema registry is configured if the format needs one. */
  public static void checkRegistry(String format, SchemaRegistry registry, NodeLocation where) {
    if (SerdeFormat.named(format).usesRegistry()) {
      try {
        registry.checkAvailable();
      } catch (SchemaRegistryException missing) {
        throw new PlanningException(where, "The '" + format + "' format: " + missing.getMessage());
      }
    }
  }

  /** Checks that the format can carry the columns, as a key ({@code key}) or as a value. */
  public static void checkColumns(
      String format, List<Column> columns, boolean key, NodeLocation where) {
    SerdeFormat.named(format)
        .unsupported(columns, key)
        .ifPresent(
            message -> {
              throw new PlanningException(where, message);
            });
  }
}
