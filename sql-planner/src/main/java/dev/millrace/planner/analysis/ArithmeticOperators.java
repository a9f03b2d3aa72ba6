package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ArithmeticBinary;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** The Calcite operator of each arithmetic operator. */
final class ArithmeticOperators {
  private ArithmeticOperators() {}

  static SqlOperator of(ArithmeticBinary.Operator op) {
    return switch (op) {
      case ADD -> SqlStdOperatorTable.PLUS;
      case SUBTRACT -> SqlStdOperatorTable.MINUS;
      case MULTIPLY -> SqlStdOperatorTable.MULTIPLY;
      case DIVIDE -> SqlStdOperatorTable.DIVIDE;
      case MODULUS -> SqlStdOperatorTable.MOD;
    };
  }
}
