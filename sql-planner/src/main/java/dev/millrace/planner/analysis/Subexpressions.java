package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Between;
import dev.millrace.parser.ast.Cast;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Concat;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.InList;
import dev.millrace.parser.ast.IsNull;
import dev.millrace.parser.ast.Lambda;
import dev.millrace.parser.ast.Like;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.Not;
import dev.millrace.parser.ast.SearchedCase;
import dev.millrace.parser.ast.SimpleCase;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.parser.ast.Subscript;
import dev.millrace.parser.ast.WhenClause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The direct subexpressions of each expression kind, and searches over a whole expression tree. */
public final class Subexpressions {
  private Subexpressions() {}

  /** Whether the expression or any subexpression satisfies the test. */
  public static boolean anyMatch(Expression e, Predicate<Expression> test) {
    if (test.test(e)) {
      return true;
    }
    for (Expression child : of(e)) {
      if (anyMatch(child, test)) {
        return true;
      }
    }
    return false;
  }

  /** Every node of the tree satisfying the test, outermost first. */
  public static List<Expression> all(Expression e, Predicate<Expression> test) {
    List<Expression> found = new ArrayList<>();
    collect(e, test, found);
    return found;
  }

  private static void collect(Expression e, Predicate<Expression> test, List<Expression> found) {
    if (test.test(e)) {
      found.add(e);
    }
    of(e).forEach(child -> collect(child, test, found));
  }

  /** The direct subexpressions, in written order. */
  public static List<Expression> of(Expression e) {
    if (e instanceof FunctionCall f) {
      return f.arguments();
    }
    if (e instanceof ArithmeticBinary a) {
      return List.of(a.left(), a.right());
    }
    if (e instanceof ArithmeticUnary u) {
      return List.of(u.operand());
    }
    if (e instanceof Comparison c) {
      return List.of(c.left(), c.right());
    }
    if (e instanceof Logical l) {
      return List.of(l.left(), l.right());
    }
    if (e instanceof Concat c) {
      return List.of(c.left(), c.right());
    }
    if (e instanceof Not n) {
      return List.of(n.operand());
    }
    if (e instanceof IsNull n) {
      return List.of(n.value());
    }
    if (e instanceof Like l) {
      return List.of(l.value(), l.pattern());
    }
    if (e instanceof Dereference d) {
      return List.of(d.base());
    }
    if (e instanceof Subscript s) {
      return List.of(s.base(), s.index());
    }
    if (e instanceof Cast c) {
      return List.of(c.value());
    }
    if (e instanceof Lambda l) {
      return List.of(l.body());
    }
    return compound(e);
  }

  private static List<Expression> compound(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e instanceof InList in) {
      out.add(in.value());
      out.addAll(in.values());
    } else if (e instanceof Between b) {
      out.addAll(List.of(b.value(), b.min(), b.max()));
    } else if (e instanceof SearchedCase c) {
      whens(c.whenClauses(), out);
      c.defaultValue().ifPresent(out::add);
    } else if (e instanceof SimpleCase c) {
      out.add(c.operand());
      whens(c.whenClauses(), out);
      c.defaultValue().ifPresent(out::add);
    } else if (e instanceof ArrayConstructor a) {
      out.addAll(a.elements());
    } else if (e instanceof MapConstructor m) {
      m.entries().forEach(entry -> out.addAll(List.of(entry.key(), entry.value())));
    } else if (e instanceof StructConstructor s) {
      s.fields().forEach(f -> out.add(f.value()));
    }
    return out;
  }

  private static void whens(List<WhenClause> whens, List<Expression> out) {
    whens.forEach(w -> out.addAll(List.of(w.operand(), w.result())));
  }
}
