package dev.millrace.planner.logical;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * The Calcite operators for what Calcite's standard table lacks or defines differently from ksqlDB:
 * calls of our function library (typed by the {@code FunctionRegistry}, never by Calcite), IN
 * lists, BETWEEN and subscripts (ksqlDB's 1-based, negative-from-the-end arrays). Every call of the
 * scalar operators is made with an explicit return type, so their return-type inference is never
 * meant to run.
 */
public final class MillraceOperators {
  /** {@code value IN (c1, c2, ...)}: operands are the value then the candidates. */
  public static final SqlFunction IN = new Opaque("IN");

  /** {@code value BETWEEN low AND high}. */
  public static final SqlFunction BETWEEN = new Opaque("BETWEEN");

  /** {@code base[index]} on arrays (1-based, negative from the end) and maps. */
  public static final SqlFunction SUBSCRIPT = new Opaque("SUBSCRIPT");

  private static final Map<String, SqlFunction> SCALARS = new ConcurrentHashMap<>();

  private MillraceOperators() {}

  /** The operator calling the library's scalar function {@code name} (upper case). */
  public static SqlFunction scalar(String name) {
    return SCALARS.computeIfAbsent(name, ScalarFunctionOperator::new);
  }

  /**
   * The operator calling the library's aggregate function {@code name} (upper case) with a result
   * of {@code type}. Calcite re-derives aggregate types when it checks plans, so each call's
   * operator carries the type the registry gave it.
   */
  public static SqlAggFunction aggregate(String name, RelDataType type) {
    return new AggregateFunctionOperator(name, ReturnTypes.explicit(type));
  }

  private static final SqlReturnTypeInference EXPLICIT_ONLY = MillraceOperators::explicitOnly;

  private static RelDataType explicitOnly(SqlOperatorBinding binding) {
    throw new UnsupportedOperationException(
        binding.getOperator().getName()
            + " is typed by the planner; make its calls with an explicit type");
  }

  /** An operator whose evaluation rules are ours; Calcite treats it as opaque and deterministic. */
  private static class Opaque extends SqlFunction {
    Opaque(String name) {
      super(name, SqlKind.OTHER_FUNCTION, EXPLICIT_ONLY, null, null, SqlFunctionCategory.SYSTEM);
    }
  }

  /** A call of a scalar function of the library. */
  public static final class ScalarFunctionOperator extends Opaque {
    ScalarFunctionOperator(String name) {
      super(name);
    }
  }

  /** A call of an aggregate function of the library. */
  public static final class AggregateFunctionOperator extends SqlAggFunction {
    AggregateFunctionOperator(String name, SqlReturnTypeInference type) {
      super(
          name,
          null,
          SqlKind.OTHER_FUNCTION,
          type,
          null,
          null,
          SqlFunctionCategory.USER_DEFINED_FUNCTION,
          false,
          false);
    }
  }
}
