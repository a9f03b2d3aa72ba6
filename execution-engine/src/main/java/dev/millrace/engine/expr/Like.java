package dev.millrace.engine.expr;

import dev.millrace.engine.plan.Expr;
import java.util.List;

/**
 * value LIKE pattern [ESCAPE c]: a literal pattern is compiled once, otherwise per row. A null
 * value or pattern does not match (false), as in ksqlDB.
 */
final class Like {
  private Like() {}

  static Eval compile(List<Eval> operands, List<Expr> exprs) {
    Eval value = operands.get(0);
    Eval pattern = operands.get(1);
    Eval escape = operands.size() > 2 ? operands.get(2) : (row, vars) -> null;
    boolean constant =
        exprs.get(1) instanceof Expr.Literal
            && (exprs.size() < 3 || exprs.get(2) instanceof Expr.Literal);
    if (constant && ((Expr.Literal) exprs.get(1)).value() != null) {
      LikePattern compiled =
          LikePattern.compile(
              (String) ((Expr.Literal) exprs.get(1)).value(),
              escapeChar(exprs.size() > 2 ? ((Expr.Literal) exprs.get(2)).value() : null));
      return (row, vars) -> {
        Object v = value.eval(row, vars);
        return v != null && compiled.matches((String) v);
      };
    }
    return (row, vars) -> {
      Object v = value.eval(row, vars);
      Object p = v == null ? null : pattern.eval(row, vars);
      return p != null
          && LikePattern.compile((String) p, escapeChar(escape.eval(row, vars)))
              .matches((String) v);
    };
  }

  private static Character escapeChar(Object escape) {
    if (escape == null) {
      return null;
    }
    String text = (String) escape;
    if (text.length() != 1) {
      throw new EvaluationException("LIKE escape must be a single character, not '" + text + "'");
    }
    return text.charAt(0);
  }
}
