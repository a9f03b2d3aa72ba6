package dev.millrace.planner;

import dev.millrace.engine.plan.Expr;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.logical.MillraceOperators;
import dev.millrace.planner.physical.ExprTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds the keys a pull query's WHERE clause pins down: {@code k = v}, {@code k IN (...)} or {@code
 * k = a OR k = b} for a one-column key, {@code k1 = a AND k2 = b} for a key of several columns.
 * Anything else reads every row (and the filter still applies).
 */
final class KeyLookups {
  private final DataSource table;
  private final ExprTranslator translator;
  private final RexBuilder rex;

  KeyLookups(DataSource table, ExprTranslator translator, RexBuilder rex) {
    this.table = table;
    this.translator = translator;
    this.rex = rex;
  }

  /**
   * Each key to look up, as its column values; empty when the condition does not pin the key down.
   */
  Optional<List<List<Object>>> keys(RexNode condition) {
    int firstKey = table.schema().value().size() + 3;
    int keyCount = table.schema().key().size();
    List<RexNode> conjuncts = RelOptUtil.conjunctions(RexUtil.expandSearch(rex, null, condition));
    if (keyCount == 1) {
      for (RexNode conjunct : conjuncts) {
        Optional<List<Object>> values = values(conjunct, firstKey);
        if (values.isPresent()) {
          return Optional.of(values.get().stream().map(v -> List.of(v)).toList());
        }
      }
      return Optional.empty();
    }
    List<Object> key = new ArrayList<>();
    for (int i = 0; i < keyCount; i++) {
      Optional<Object> value = Optional.empty();
      for (RexNode conjunct : conjuncts) {
        Optional<List<Object>> values = values(conjunct, firstKey + i).filter(v -> v.size() == 1);
        if (values.isPresent()) {
          value = Optional.ofNullable(values.get().get(0));
          break;
        }
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      key.add(value.get());
    }
    return Optional.of(List.of(key));
  }

  private Optional<List<Object>> values(RexNode node, int field) {
    if (!(node instanceof RexCall call)) {
      return Optional.empty();
    }
    if (call.getKind() == SqlKind.EQUALS) {
      return equality(call, field).map(List::of);
    }
    if (call.getOperator() == MillraceOperators.IN && isField(call.getOperands().get(0), field)) {
      return literals(call.getOperands().subList(1, call.getOperands().size()));
    }
    if (call.getKind() == SqlKind.OR) {
      List<Object> all = new ArrayList<>();
      for (RexNode disjunct : call.getOperands()) {
        Optional<Object> value =
            disjunct instanceof RexCall c && c.getKind() == SqlKind.EQUALS
                ? equality(c, field)
                : Optional.empty();
        if (value.isEmpty()) {
          return Optional.empty();
        }
        all.add(value.get());
      }
      return Optional.of(all);
    }
    return Optional.empty();
  }

  private Optional<Object> equality(RexCall call, int field) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (isField(left, field) && right instanceof RexLiteral literal && !literal.isNull()) {
      return Optional.of(value(literal));
    }
    if (isField(right, field) && left instanceof RexLiteral literal && !literal.isNull()) {
      return Optional.of(value(literal));
    }
    return Optional.empty();
  }

  private Optional<List<Object>> literals(List<RexNode> nodes) {
    List<Object> values = new ArrayList<>();
    for (RexNode node : nodes) {
      if (!(node instanceof RexLiteral literal) || literal.isNull()) {
        return Optional.empty();
      }
      values.add(value(literal));
    }
    return Optional.of(values);
  }

  private Object value(RexLiteral literal) {
    return ((Expr.Literal) translator.translate(literal)).value();
  }

  private static boolean isField(RexNode node, int field) {
    return node instanceof RexInputRef ref && ref.getIndex() == field;
  }
}
