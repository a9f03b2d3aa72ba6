package dev.millrace.engine.operator;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.ExprColumns;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import java.util.List;

/**
 * The new key of a re-keyed row whose value is null. Only the old key is known, so a key expression
 * is computed when it reads nothing but the copies of the old key columns in the value layout (and
 * literals); any other key expression, one reading a value or pseudo column, gives null.
 */
final class NullValueKeys {
  /** For each value index of the input, the old key column it copies, or -1. */
  private final int[] keyCopies;

  private final boolean[] fromKeyOnly;

  NullValueKeys(LogicalSchema input, List<Expr> keys) {
    this.keyCopies = new int[input.value().size()];
    List<String> keyNames = input.key().stream().map(Column::name).toList();
    for (int i = 0; i < keyCopies.length; i++) {
      keyCopies[i] = keyNames.indexOf(input.value().get(i).name());
    }
    this.fromKeyOnly = new boolean[keys.size()];
    for (int i = 0; i < fromKeyOnly.length; i++) {
      fromKeyOnly[i] = ExprColumns.readsOnly(keys.get(i), index -> keyCopies[index] >= 0);
    }
  }

  Object[] key(
      Object[] oldKey, SafeExpression[] keys, ProcessingContext context, RecordContext record) {
    Object[] key = new Object[keys.length];
    if (!anyFromKeyOnly()) {
      return key;
    }
    Object[] keyOnlyRow = new Object[keyCopies.length];
    for (int i = 0; i < keyCopies.length; i++) {
      keyOnlyRow[i] = keyCopies[i] >= 0 ? oldKey[keyCopies[i]] : null;
    }
    for (int i = 0; i < keys.length; i++) {
      key[i] = fromKeyOnly[i] ? keys[i].evaluate(keyOnlyRow, context, record) : null;
    }
    return key;
  }

  private boolean anyFromKeyOnly() {
    for (boolean b : fromKeyOnly) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
