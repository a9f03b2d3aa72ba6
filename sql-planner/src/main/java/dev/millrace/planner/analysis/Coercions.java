package dev.millrace.planner.analysis;

import dev.millrace.engine.expr.Casts;
import dev.millrace.engine.expr.EvaluationException;
import dev.millrace.engine.function.ImplicitCasts;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.BooleanLiteral;
import dev.millrace.parser.ast.DecimalLiteral;
import dev.millrace.parser.ast.DoubleLiteral;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.logical.CalciteTypes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Literals and implicit conversions: builds typed literals, converts an expression to a wider type
 * with an explicit cast, and, in comparisons, reads a string literal as the number, boolean or time
 * it is compared with (as ksqlDB does), rejecting text that is not one.
 */
public final class Coercions {
  private final RexBuilder rex;
  private final CalciteTypes types;

  Coercions(RexBuilder rex, CalciteTypes types) {
    this.rex = rex;
    this.types = types;
  }

  /** The SQL type of an analysed expression; null for an untyped NULL literal. */
  public SqlType typeOf(RexNode node) {
    return node.getType().getSqlTypeName() == SqlTypeName.NULL ? null : types.toSql(node.getType());
  }

  /**
   * The literal as written: INT, BIGINT, DECIMAL(p, s) as written, DOUBLE, STRING, BOOLEAN or
   * untyped NULL.
   */
  public RexNode literal(Literal literal) {
    if (literal instanceof NullLiteral) {
      return rex.constantNull();
    }
    if (literal instanceof BooleanLiteral b) {
      return rex.makeLiteral(b.booleanValue());
    }
    if (literal instanceof IntegerLiteral i) {
      return rex.makeExactLiteral(BigDecimal.valueOf(i.intValue()), types.toRel(SqlType.INTEGER));
    }
    if (literal instanceof LongLiteral l) {
      return rex.makeExactLiteral(BigDecimal.valueOf(l.longValue()), types.toRel(SqlType.BIGINT));
    }
    if (literal instanceof DecimalLiteral d) {
      return decimalLiteral(d.decimalValue());
    }
    if (literal instanceof DoubleLiteral d) {
      return rex.makeApproxLiteral(
          BigDecimal.valueOf(d.doubleValue()), types.toRel(SqlType.DOUBLE));
    }
    return stringLiteral(((StringLiteral) literal).stringValue());
  }

  public RexNode stringLiteral(String value) {
    return rex.makeLiteral(new NlsString(value, null, null), types.toRel(SqlType.STRING), false);
  }

  private RexNode decimalLiteral(BigDecimal value) {
    int scale = Math.max(0, value.scale());
    int precision = Math.max(value.precision(), scale);
    return rex.makeExactLiteral(
        value.setScale(scale), types.toRel(new SqlType.Decimal(Math.max(1, precision), scale)));
  }

  /** The expression converted to {@code target}, which it must widen to without loss. */
  public RexNode coerce(RexNode node, SqlType target, Expression origin) {
    SqlType from = typeOf(node);
    if (from == null) {
      return rex.makeNullLiteral(types.toRel(target));
    }
    if (from.equals(target)) {
      return node;
    }
    boolean widens =
        ImplicitCasts.widensTo(from, target)
            || ImplicitCasts.commonType(from, target).filter(target::equals).isPresent();
    if (!widens) {
      throw new PlanningException(
          origin.location(),
          "Cannot convert "
              + SqlFormatter.format(origin)
              + " of type "
              + from.toSql()
              + " to "
              + target.toSql());
    }
    if (node instanceof RexLiteral literal && OperatorTypes.isNumeric(target)) {
      return numericLiteral(literal.getValueAs(BigDecimal.class), target);
    }
    return rex.makeAbstractCast(types.toRel(target), node, false);
  }

  /**
   * A numeric literal as a literal of another numeric type, when its value fits that type (as
   * INSERT VALUES accepts {@code 2} for a DECIMAL(5, 2) column); empty when it does not fit.
   */
  public java.util.Optional<RexNode> fitLiteral(RexNode node, SqlType target) {
    SqlType from = typeOf(node);
    if (!(node instanceof RexLiteral literal)
        || literal.isNull()
        || from == null
        || !OperatorTypes.isNumeric(from)
        || !OperatorTypes.isNumeric(target)) {
      return java.util.Optional.empty();
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    try {
      switch (target.base()) {
        case INTEGER -> value.intValueExact();
        case BIGINT -> value.longValueExact();
        case DECIMAL -> {
          SqlType.Decimal d = (SqlType.Decimal) target;
          if (value.setScale(d.scale(), RoundingMode.HALF_UP).precision() > d.precision()) {
            return java.util.Optional.empty();
          }
        }
        default -> {}
      }
    } catch (ArithmeticException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(numericLiteral(value, target));
  }

  /** A number as a literal of a numeric type it fits (widening is exact, so nothing is lost). */
  private RexNode numericLiteral(BigDecimal value, SqlType target) {
    if (target.base() == SqlType.Base.DOUBLE) {
      return rex.makeApproxLiteral(value, types.toRel(target));
    }
    if (target instanceof SqlType.Decimal d) {
      return rex.makeExactLiteral(
          value.setScale(d.scale(), RoundingMode.HALF_UP), types.toRel(target));
    }
    return rex.makeExactLiteral(value, types.toRel(target));
  }

  /**
   * A comparison operand converted to the comparison's type: string literals compared with numbers
   * or booleans are read as such; strings compared with times are cast.
   */
  public RexNode coerceComparand(RexNode node, SqlType target, Expression origin) {
    SqlType from = typeOf(node);
    if (from == null || from.equals(target)) {
      return coerce(node, target, origin);
    }
    if (from.base() == SqlType.Base.STRING && isStringLiteral(node)) {
      return parsedLiteral(((RexLiteral) node).getValueAs(String.class), target, origin);
    }
    if (from.base() == SqlType.Base.STRING && OperatorTypes.isTemporal(target)
        || from.base() == SqlType.Base.DATE && target.base() == SqlType.Base.TIMESTAMP) {
      return rex.makeAbstractCast(types.toRel(target), node, false);
    }
    return coerce(node, target, origin);
  }

  /**
   * A function argument converted to the parameter type its overload was chosen for: as {@link
   * #coerce}, and text passed for a DATE, TIME or TIMESTAMP parameter is read as one (a literal
   * now, so bad text is an error at once; other text when the row is evaluated).
   */
  public RexNode coerceArgument(RexNode node, SqlType target, Expression origin) {
    SqlType from = typeOf(node);
    if (from != null && from.base() == SqlType.Base.STRING && OperatorTypes.isTemporal(target)) {
      return coerceComparand(node, target, origin);
    }
    return coerce(node, target, origin);
  }

  public boolean isStringLiteral(RexNode node) {
    return node instanceof RexLiteral l
        && !l.isNull()
        && typeOf(node) != null
        && typeOf(node).base() == SqlType.Base.STRING;
  }

  private RexNode parsedLiteral(String text, SqlType target, Expression origin) {
    String trimmed = text.trim();
    try {
      switch (target.base()) {
        case INTEGER:
          return rex.makeExactLiteral(
              BigDecimal.valueOf(Integer.parseInt(trimmed)), types.toRel(target));
        case BIGINT:
          return rex.makeExactLiteral(
              BigDecimal.valueOf(Long.parseLong(trimmed)), types.toRel(target));
        case DOUBLE:
          return rex.makeApproxLiteral(
              BigDecimal.valueOf(Double.parseDouble(trimmed)), types.toRel(target));
        case DECIMAL:
          return rex.makeExactLiteral(
              new BigDecimal(trimmed)
                  .setScale(((SqlType.Decimal) target).scale(), RoundingMode.HALF_UP),
              types.toRel(target));
        case BOOLEAN:
          return rex.makeLiteral(parseBoolean(trimmed));
        case DATE:
        case TIME:
        case TIMESTAMP:
          return temporalLiteral(Casts.converter(SqlType.STRING, target).convert(text), target);
        default:
          throw new NumberFormatException();
      }
    } catch (NumberFormatException | ArithmeticException | EvaluationException e) {
      String typeName = target.base() == SqlType.Base.DECIMAL ? "DECIMAL" : target.toSql();
      throw new PlanningException(
          origin.location(), "invalid input syntax for type " + typeName + ": \"" + text + "\".");
    }
  }

  /**
   * A DATE, TIME or TIMESTAMP literal from its engine value (days since the epoch, milliseconds of
   * the day, milliseconds since the epoch), read from text by the engine's own CAST so a literal
   * means what the same CAST means at run time.
   */
  private RexNode temporalLiteral(Object value, SqlType target) {
    return switch (target.base()) {
      case DATE -> rex.makeDateLiteral(DateString.fromDaysSinceEpoch((Integer) value));
      case TIME -> rex.makeTimeLiteral(TimeString.fromMillisOfDay((int) (long) (Long) value), 3);
      default -> rex.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch((Long) value), 3);
    };
  }

  /** As ksqlDB reads booleans from text: any non-empty prefix of true, false, yes or no. */
  private static boolean parseBoolean(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.isEmpty() && ("true".startsWith(lower) || "yes".startsWith(lower))) {
      return true;
    }
    if (!lower.isEmpty() && ("false".startsWith(lower) || "no".startsWith(lower))) {
      return false;
    }
    throw new NumberFormatException(text);
  }
}
