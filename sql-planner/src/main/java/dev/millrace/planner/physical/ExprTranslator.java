package dev.millrace.planner.physical;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.analysis.EngineLiterals;
import dev.millrace.planner.logical.CalciteTypes;
import dev.millrace.planner.logical.MillraceOperators;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Translates Calcite {@link RexNode}s over a step's input row into the engine's {@link Expr} IR:
 * input references become column positions, operators map to {@link Operator}, calls of the
 * function library keep their names, and shapes Calcite introduces while simplifying (n-ary AND/OR,
 * SEARCH ranges, IS TRUE) are expressed with the engine's operators.
 */
public final class ExprTranslator {
  private final CalciteTypes types;
  private final RexBuilder rex;
  private final List<String> inputNames;

  /** {@code inputNames} name the input row's fields, for readable column references. */
  public ExprTranslator(CalciteTypes types, RexBuilder rex, List<String> inputNames) {
    this.types = types;
    this.rex = rex;
    this.inputNames = List.copyOf(inputNames);
  }

  public List<Expr> translateAll(List<RexNode> nodes) {
    return nodes.stream().map(this::translate).toList();
  }

  public Expr translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new Expr.ColumnRef(
          ref.getIndex(), inputNames.get(ref.getIndex()), type(ref.getType()));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexFieldAccess access) {
      return new Expr.FieldAccess(
          translate(access.getReferenceExpr()),
          access.getField().getName(),
          type(access.getType()));
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    if (node instanceof RexLambda lambda) {
      return new Expr.Lambda(
          lambda.getParameters().stream()
              .map(p -> new Expr.LambdaParameter(p.getName(), type(p.getType())))
              .toList(),
          translate(lambda.getExpression()));
    }
    if (node instanceof RexLambdaRef ref) {
      return new Expr.LambdaVariable(ref.getName(), type(ref.getType()));
    }
    throw new IllegalStateException("no engine expression for " + node);
  }

  private Expr literal(RexLiteral literal) {
    SqlType type = type(literal.getType());
    return new Expr.Literal(literal.isNull() ? null : EngineLiterals.value(literal, type), type);
  }

  private Expr call(RexCall call) {
    SqlOperator op = call.getOperator();
    SqlType type = type(call.getType());
    if (op instanceof MillraceOperators.ScalarFunctionOperator) {
      return new Expr.FunctionCall(op.getName(), translateAll(call.getOperands()), type);
    }
    if (op == MillraceOperators.IN) {
      return operation(Operator.IN, call, type);
    }
    if (op == MillraceOperators.BETWEEN) {
      return operation(Operator.BETWEEN, call, type);
    }
    if (op == MillraceOperators.SUBSCRIPT) {
      return operation(Operator.SUBSCRIPT, call, type);
    }
    if (op == SqlStdOperatorTable.CONCAT) {
      return operation(Operator.CONCAT, call, type);
    }
    if (op == SqlStdOperatorTable.NOT_LIKE) {
      return not(operation(Operator.LIKE, call, type));
    }
    return byKind(call, type);
  }

  private Expr byKind(RexCall call, SqlType type) {
    SqlKind kind = call.getKind();
    return switch (kind) {
      case PLUS -> operation(Operator.ADD, call, type);
      case MINUS -> operation(Operator.SUBTRACT, call, type);
      case TIMES -> operation(Operator.MULTIPLY, call, type);
      case DIVIDE -> operation(Operator.DIVIDE, call, type);
      case MOD -> operation(Operator.MODULUS, call, type);
      case MINUS_PREFIX -> operation(Operator.NEGATE, call, type);
      case PLUS_PREFIX -> translate(call.getOperands().get(0));
      case EQUALS -> operation(Operator.EQUAL, call, type);
      case NOT_EQUALS -> operation(Operator.NOT_EQUAL, call, type);
      case LESS_THAN -> operation(Operator.LESS_THAN, call, type);
      case LESS_THAN_OR_EQUAL -> operation(Operator.LESS_THAN_OR_EQUAL, call, type);
      case GREATER_THAN -> operation(Operator.GREATER_THAN, call, type);
      case GREATER_THAN_OR_EQUAL -> operation(Operator.GREATER_THAN_OR_EQUAL, call, type);
      case IS_DISTINCT_FROM -> operation(Operator.IS_DISTINCT_FROM, call, type);
      case IS_NOT_DISTINCT_FROM -> operation(Operator.IS_NOT_DISTINCT_FROM, call, type);
      case AND -> chain(Operator.AND, call);
      case OR -> chain(Operator.OR, call);
      case NOT -> operation(Operator.NOT, call, type);
      case IS_NULL -> operation(Operator.IS_NULL, call, type);
      case IS_NOT_NULL -> operation(Operator.IS_NOT_NULL, call, type);
      case IS_TRUE -> truth(Operator.IS_NOT_DISTINCT_FROM, call, true);
      case IS_NOT_TRUE -> truth(Operator.IS_DISTINCT_FROM, call, true);
      case IS_FALSE -> truth(Operator.IS_NOT_DISTINCT_FROM, call, false);
      case IS_NOT_FALSE -> truth(Operator.IS_DISTINCT_FROM, call, false);
      case LIKE -> operation(Operator.LIKE, call, type);
      case CAST -> new Expr.Cast(translate(call.getOperands().get(0)), type);
      case CASE -> caseWhen(call, type);
      case SEARCH -> translate(RexUtil.expandSearch(rex, null, call));
      case ARRAY_VALUE_CONSTRUCTOR -> new Expr.ArrayOf(translateAll(call.getOperands()), type);
      case MAP_VALUE_CONSTRUCTOR -> map(call, type);
      case ROW -> new Expr.StructOf(translateAll(call.getOperands()), (SqlType.Struct) type);
      case COALESCE -> new Expr.FunctionCall("COALESCE", translateAll(call.getOperands()), type);
      default -> throw new IllegalStateException("no engine expression for " + call);
    };
  }

  private Expr operation(Operator operator, RexCall call, SqlType type) {
    return new Expr.Operation(operator, translateAll(call.getOperands()), type);
  }

  private static Expr not(Expr operand) {
    return new Expr.Operation(Operator.NOT, List.of(operand), SqlType.BOOLEAN);
  }

  /**
   * Calcite's n-ary AND/OR as the engine's binary operations, in a balanced tree: the operands keep
   * their order (and so short-circuit as written) but a generated filter of thousands of terms
   * stays a few levels deep for the recursive compiler. Three operands lean left: {@code (a AND b)
   * AND c}.
   */
  private Expr chain(Operator operator, RexCall call) {
    return balanced(operator, translateAll(call.getOperands()));
  }

  private static Expr balanced(Operator operator, List<Expr> operands) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    int middle = (operands.size() + 1) / 2;
    return new Expr.Operation(
        operator,
        List.of(
            balanced(operator, operands.subList(0, middle)),
            balanced(operator, operands.subList(middle, operands.size()))),
        SqlType.BOOLEAN);
  }

  /** {@code x IS TRUE} is {@code x IS NOT DISTINCT FROM TRUE}, and so on: null-safe truth tests. */
  private Expr truth(Operator operator, RexCall call, boolean value) {
    return new Expr.Operation(
        operator,
        List.of(translate(call.getOperands().get(0)), new Expr.Literal(value, SqlType.BOOLEAN)),
        SqlType.BOOLEAN);
  }

  private Expr caseWhen(RexCall call, SqlType type) {
    List<RexNode> operands = call.getOperands();
    List<Expr.When> whens = new ArrayList<>();
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      whens.add(new Expr.When(translate(operands.get(i)), translate(operands.get(i + 1))));
    }
    RexNode otherwise = operands.get(operands.size() - 1);
    boolean elseNull = otherwise instanceof RexLiteral l && l.isNull();
    return new Expr.Case(whens, elseNull ? null : translate(otherwise), type);
  }

  private Expr map(RexCall call, SqlType type) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    List<RexNode> operands = call.getOperands();
    for (int i = 0; i < operands.size(); i += 2) {
      keys.add(translate(operands.get(i)));
      values.add(translate(operands.get(i + 1)));
    }
    return new Expr.MapOf(keys, values, type);
  }

  private SqlType type(RelDataType type) {
    return types.toSql(type);
  }
}
