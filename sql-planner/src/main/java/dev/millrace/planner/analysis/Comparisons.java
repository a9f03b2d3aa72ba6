package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** The type two compared values are brought to, and the Calcite operator of each comparison. */
final class Comparisons {
  private Comparisons() {}

  static SqlType commonType(
      Comparison.Operator op,
      RexNode left,
      Expression leftAst,
      RexNode right,
      Expression rightAst,
      Expression whole,
      Coercions coercions) {
    return commonType(op, left, leftAst, right, rightAst, whole, coercions, coercions.typeOf(left));
  }

  /**
   * As above, with the left side's type given: an IN list or BETWEEN folds its operands' types into
   * one, left to right.
   */
  static SqlType commonType(
      Comparison.Operator op,
      RexNode left,
      Expression leftAst,
      RexNode right,
      Expression rightAst,
      Expression whole,
      Coercions coercions,
      SqlType leftType) {
    SqlType rightType = coercions.typeOf(right);
    if (leftType == null || rightType == null) {
      return leftType != null ? leftType : rightType != null ? rightType : SqlType.STRING;
    }
    if (coercions.isStringLiteral(right) && readsFromString(leftType)) {
      return leftType;
    }
    if (coercions.isStringLiteral(left) && readsFromString(rightType)) {
      return rightType;
    }
    SqlType common = OperatorTypes.comparable(leftType, rightType).orElse(null);
    boolean ordering =
        op != Comparison.Operator.EQUAL
            && op != Comparison.Operator.NOT_EQUAL
            && op != Comparison.Operator.IS_DISTINCT_FROM
            && op != Comparison.Operator.IS_NOT_DISTINCT_FROM;
    if (common == null || ordering && !OperatorTypes.isOrdered(common)) {
      throw new PlanningException(
          whole.location(),
          "Cannot compare "
              + SqlFormatter.format(leftAst)
              + " ("
              + leftType.toSql()
              + ") to "
              + SqlFormatter.format(rightAst)
              + " ("
              + rightType.toSql()
              + ") with "
              + op
              + ".");
    }
    return common;
  }

  private static boolean readsFromString(SqlType type) {
    return OperatorTypes.isNumeric(type)
        || OperatorTypes.isTemporal(type)
        || type.base() == SqlType.Base.BOOLEAN;
  }

  static SqlOperator operator(Comparison.Operator op) {
    return switch (op) {
      case EQUAL -> SqlStdOperatorTable.EQUALS;
      case NOT_EQUAL -> SqlStdOperatorTable.NOT_EQUALS;
      case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
      case IS_DISTINCT_FROM -> SqlStdOperatorTable.IS_DISTINCT_FROM;
      case IS_NOT_DISTINCT_FROM -> SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
    };
  }
}
