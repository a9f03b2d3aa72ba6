package dev.millrace.planner.explain;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine's expressions as readable SQL-like text, for EXPLAIN. Column references show their
 * name.
 */
public final class ExprText {
  private ExprText() {}

  public static String of(Expr e) {
    if (e instanceof Expr.ColumnRef c) {
      return c.name();
    }
    if (e instanceof Expr.Literal l) {
      return l.value() == null
          ? "NULL"
          : l.value() instanceof String s
              ? "'" + s.replace("'", "''") + "'"
              : String.valueOf(l.value());
    }
    if (e instanceof Expr.Operation o) {
      return operation(o.operator(), o.operands());
    }
    if (e instanceof Expr.FunctionCall f) {
      return f.name() + list(f.arguments());
    }
    if (e instanceof Expr.Cast c) {
      return "CAST(" + of(c.operand()) + " AS " + c.type().toSql() + ")";
    }
    if (e instanceof Expr.Case c) {
      String whens =
          c.whens().stream()
              .map(w -> "WHEN " + of(w.condition()) + " THEN " + of(w.result()))
              .collect(Collectors.joining(" "));
      return "CASE " + whens + (c.otherwise() == null ? "" : " ELSE " + of(c.otherwise())) + " END";
    }
    if (e instanceof Expr.FieldAccess f) {
      return of(f.struct()) + "->" + f.field();
    }
    if (e instanceof Expr.ArrayOf a) {
      return "ARRAY["
          + a.elements().stream().map(ExprText::of).collect(Collectors.joining(", "))
          + "]";
    }
    if (e instanceof Expr.MapOf m) {
      StringBuilder out = new StringBuilder("MAP(");
      for (int i = 0; i < m.keys().size(); i++) {
        out.append(i == 0 ? "" : ", ")
            .append(of(m.keys().get(i)))
            .append(" := ")
            .append(of(m.values().get(i)));
      }
      return out.append(")").toString();
    }
    if (e instanceof Expr.StructOf s) {
      StringBuilder out = new StringBuilder("STRUCT(");
      for (int i = 0; i < s.values().size(); i++) {
        out.append(i == 0 ? "" : ", ")
            .append(s.type().fields().get(i).name())
            .append(" := ")
            .append(of(s.values().get(i)));
      }
      return out.append(")").toString();
    }
    if (e instanceof Expr.Lambda l) {
      return l.parameters().stream()
              .map(Expr.LambdaParameter::name)
              .collect(Collectors.joining(", ", "(", ")"))
          + " => "
          + of(l.body());
    }
    return ((Expr.LambdaVariable) e).name();
  }

  private static String operation(Operator op, List<Expr> operands) {
    return switch (op) {
      case NEGATE -> "-" + of(operands.get(0));
      case NOT -> "(NOT " + of(operands.get(0)) + ")";
      case IS_NULL -> "(" + of(operands.get(0)) + " IS NULL)";
      case IS_NOT_NULL -> "(" + of(operands.get(0)) + " IS NOT NULL)";
      case IN ->
          "(" + of(operands.get(0)) + " IN " + list(operands.subList(1, operands.size())) + ")";
      case BETWEEN ->
          "("
              + of(operands.get(0))
              + " BETWEEN "
              + of(operands.get(1))
              + " AND "
              + of(operands.get(2))
              + ")";
      case SUBSCRIPT -> of(operands.get(0)) + "[" + of(operands.get(1)) + "]";
      case LIKE ->
          "("
              + of(operands.get(0))
              + " LIKE "
              + of(operands.get(1))
              + (operands.size() > 2 ? " ESCAPE " + of(operands.get(2)) : "")
              + ")";
      default -> "(" + of(operands.get(0)) + " " + symbol(op) + " " + of(operands.get(1)) + ")";
    };
  }

  private static String symbol(Operator op) {
    return switch (op) {
      case ADD -> "+";
      case SUBTRACT -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case MODULUS -> "%";
      case EQUAL -> "=";
      case NOT_EQUAL -> "<>";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_OR_EQUAL -> ">=";
      case IS_DISTINCT_FROM -> "IS DISTINCT FROM";
      case IS_NOT_DISTINCT_FROM -> "IS NOT DISTINCT FROM";
      case AND -> "AND";
      case OR -> "OR";
      case CONCAT -> "||";
      default -> op.name();
    };
  }

  private static String list(List<Expr> items) {
    return items.stream().map(ExprText::of).collect(Collectors.joining(", ", "(", ")"));
  }
}
