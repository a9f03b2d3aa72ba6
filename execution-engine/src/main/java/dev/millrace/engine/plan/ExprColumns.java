package dev.millrace.engine.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/** What an {@link Expr} reads from its input row. */
public final class ExprColumns {
  private ExprColumns() {}

  /** Whether every column {@code expr} reads is at a value index that {@code allowed} accepts. */
  public static boolean readsOnly(Expr expr, IntPredicate allowed) {
    if (expr instanceof Expr.ColumnRef ref) {
      return allowed.test(ref.index());
    }
    return children(expr).stream().allMatch(child -> readsOnly(child, allowed));
  }

  /** Adds to {@code into} the value index of every column {@code expr} reads. */
  public static void addReads(Expr expr, BitSet into) {
    if (expr instanceof Expr.ColumnRef ref) {
      into.set(ref.index());
    }
    children(expr).forEach(child -> addReads(child, into));
  }

  private static List<Expr> children(Expr expr) {
    if (expr instanceof Expr.Operation op) {
      return op.operands();
    }
    if (expr instanceof Expr.FunctionCall call) {
      return call.arguments();
    }
    if (expr instanceof Expr.Cast cast) {
      return List.of(cast.operand());
    }
    if (expr instanceof Expr.Case c) {
      List<Expr> all = new ArrayList<>();
      c.whens().forEach(w -> all.addAll(List.of(w.condition(), w.result())));
      if (c.otherwise() != null) {
        all.add(c.otherwise());
      }
      return all;
    }
    if (expr instanceof Expr.FieldAccess access) {
      return List.of(access.struct());
    }
    if (expr instanceof Expr.ArrayOf array) {
      return array.elements();
    }
    if (expr instanceof Expr.MapOf map) {
      List<Expr> all = new ArrayList<>(map.keys());
      all.addAll(map.values());
      return all;
    }
    if (expr instanceof Expr.StructOf struct) {
      return struct.values();
    }
    if (expr instanceof Expr.Lambda lambda) {
      return List.of(lambda.body());
    }
    // Literals and lambda variables read no column.
    return List.of();
  }
}
