package dev.millrace.engine.operator;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.LogicalSchema;

/**
 * The builders of primary-key table-table join operators: each join gets one operator per input, at
 * the end of that input's chain, both feeding the operators after the join.
 */
final class TableJoinFactories {
  /** The operators of a join's two inputs. */
  record Inputs(OperatorFactory left, OperatorFactory right) {}

  /**
   * Where an input's rows are stored: {@code written} when the join operator must write them, false
   * when the input is a table source whose operator already does.
   */
  record Store(String name, boolean written) {}

  private final FunctionRegistry functions;

  TableJoinFactories(FunctionRegistry functions) {
    this.functions = functions;
  }

  Inputs primaryKey(PlanStep.TableTableJoin join, Store leftStore, Store rightStore) {
    LogicalSchema left = join.left().schema();
    LogicalSchema right = join.right().schema();
    int leftWidth = left.value().size();
    int rightWidth = right.value().size();
    boolean keepLeft = join.type() == JoinType.LEFT || join.type() == JoinType.OUTER;
    boolean keepRight = join.type() == JoinType.RIGHT || join.type() == JoinType.OUTER;
    return new Inputs(
        next ->
            new TableTableJoinOperator(
                stored(leftStore, left),
                stored(rightStore, right),
                new JoinedRows(true, leftWidth, rightWidth, keepLeft, keepRight),
                next),
        next ->
            new TableTableJoinOperator(
                stored(rightStore, right),
                stored(leftStore, left),
                new JoinedRows(false, leftWidth, rightWidth, keepRight, keepLeft),
                next));
  }

  static StoredTable stored(Store store, LogicalSchema schema) {
    return new StoredTable(
        store.name(), RowCodec.of(schema.key()), RowCodec.of(schema.value()), store.written());
  }
}
