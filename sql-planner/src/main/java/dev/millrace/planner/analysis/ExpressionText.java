package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Between;
import dev.millrace.parser.ast.Cast;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Concat;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.InList;
import dev.millrace.parser.ast.IsNull;
import dev.millrace.parser.ast.Like;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.Not;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.Subscript;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Expressions as ksqlDB shows them in messages: binary operations in parentheses, names as
 * written ({@code (F1 * SUM(F2))}, {@code ABS(INPUT.ID)}, {@code ADDRESS->TOWN}). Shapes without a
 * case here are rare in messages and print by their kind.
 */
public final class ExpressionText {
  private ExpressionText() {}

  public static String of(Expression e) {
    if (e instanceof ColumnRef c) {
      return c.source().map(s -> s + ".").orElse("") + c.name();
    }
    if (e instanceof StringLiteral s) {
      return "'" + s.stringValue().replace("'", "''") + "'";
    }
    if (e instanceof Literal l) {
      return String.valueOf(l.value()).toUpperCase(java.util.Locale.ROOT);
    }
    if (e instanceof FunctionCall f) {
      return f.name() + list(f.arguments());
    }
    if (e instanceof ArithmeticBinary a) {
      return "(" + of(a.left()) + " " + a.operator().symbol() + " " + of(a.right()) + ")";
    }
    if (e instanceof ArithmeticUnary u) {
      return (u.sign() == ArithmeticUnary.Sign.MINUS ? "-" : "+") + of(u.operand());
    }
    if (e instanceof Comparison c) {
      return "(" + of(c.left()) + " " + c.operator().symbol() + " " + of(c.right()) + ")";
    }
    if (e instanceof Logical l) {
      return "(" + of(l.left()) + " " + l.operator() + " " + of(l.right()) + ")";
    }
    if (e instanceof Concat c) {
      return "(" + of(c.left()) + " || " + of(c.right()) + ")";
    }
    if (e instanceof Not n) {
      return "(NOT " + of(n.operand()) + ")";
    }
    if (e instanceof IsNull n) {
      return "(" + of(n.value()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (e instanceof Dereference d) {
      return of(d.base()) + "->" + d.field();
    }
    if (e instanceof Subscript s) {
      return of(s.base()) + "[" + of(s.index()) + "]";
    }
    if (e instanceof Cast c) {
      return "CAST(" + of(c.value()) + " AS " + c.type() + ")";
    }
    if (e instanceof Like l) {
      return "(" + of(l.value()) + (l.negated() ? " NOT LIKE " : " LIKE ") + of(l.pattern()) + ")";
    }
    if (e instanceof InList in) {
      return "(" + of(in.value()) + (in.negated() ? " NOT IN " : " IN ") + list(in.values()) + ")";
    }
    if (e instanceof Between b) {
      return "(" + of(b.value()) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + of(b.min()) + " AND "
          + of(b.max()) + ")";
    }
    if (e instanceof ArrayConstructor a) {
      return "ARRAY[" + a.elements().stream().map(ExpressionText::of).collect(Collectors.joining(", ")) + "]";
    }
    return e.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  private static String list(List<Expression> items) {
    return items.stream().map(ExpressionText::of).collect(Collectors.joining(", ", "(", ")"));
  }
}
