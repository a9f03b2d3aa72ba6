package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexLiteral;

/** The value of a non-null Calcite literal in the engine's form for its SQL type. */
public final class EngineLiterals {
  private EngineLiterals() {}

  public static Object value(RexLiteral literal, SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case INTEGER -> literal.getValueAs(BigDecimal.class).intValueExact();
      case BIGINT -> literal.getValueAs(BigDecimal.class).longValueExact();
      case DOUBLE -> literal.getValueAs(Double.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case STRING -> literal.getValueAs(String.class);
      // Days since the epoch, milliseconds of the day, milliseconds since the epoch.
      case DATE -> literal.getValueAs(Integer.class);
      case TIME -> (long) literal.getValueAs(Integer.class);
      case TIMESTAMP -> literal.getValueAs(Long.class);
      default -> throw new IllegalStateException("no engine literal of type " + type.toSql());
    };
  }
}
