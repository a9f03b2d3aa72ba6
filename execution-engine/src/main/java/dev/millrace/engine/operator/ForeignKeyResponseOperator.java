package dev.millrace.engine.operator;

import java.util.Arrays;

/**
 * The right input's responses in a foreign-key join, back in the left table's task: a response
 * joins the left row it answers if that row is still the version that subscribed (its hash
 * matches); a response to a version since replaced or deleted is dropped, since the newer version's
 * own subscription brings its own response. Without a right row, a LEFT join pads the left row with
 * nulls and an INNER join deletes its result. The result's time is the later of the two rows'.
 */
final class ForeignKeyResponseOperator implements Operator {
  private final StoredTable left;
  private final RowHash hash;
  private final JoinedRows joined;
  private final JoinResults results;

  ForeignKeyResponseOperator(
      StoredTable left, RowHash hash, JoinedRows joined, JoinResults results) {
    this.left = left;
    this.hash = hash;
    this.joined = joined;
    this.results = results;
  }

  @Override
  public void init(ProcessingContext context) {
    left.init(context);
    results.init(context);
  }

  /** {@code row}: the left key, and the {@link SubscriptionResponse} as the value's only column. */
  @Override
  public void process(Row row, RecordContext record) {
    SubscriptionResponse response = (SubscriptionResponse) row.value()[0];
    StoredTable.Stored current = left.get(row.key());
    if (current == null || !Arrays.equals(hash.of(current.value()), response.hash())) {
      return;
    }
    Object[] value = joined.of(current.value(), response.rightValue());
    results.emit(row.key(), value, Math.max(row.timestamp(), current.timestamp()), record);
  }
}
