package dev.millrace.engine.operator;

/**
 * The right input's changes in a foreign-key join, in the right table's task: a right row's change
 * is sent to every left row subscribed to its key, in left key order; a deleted right row is sent
 * as no row.
 */
final class ForeignKeyRightChangeOperator implements Operator {
  private final StoredTable right;
  private final RowCodec rightKeys;
  private final SubscriptionStore subscriptions;
  private final Responder responder;

  ForeignKeyRightChangeOperator(
      StoredTable right, RowCodec rightKeys, SubscriptionStore subscriptions, Responder responder) {
    this.right = right;
    this.rightKeys = rightKeys;
    this.subscriptions = subscriptions;
    this.responder = responder;
  }

  @Override
  public void init(ProcessingContext context) {
    right.init(context);
    subscriptions.init(context);
    responder.init(context);
  }

  @Override
  public void process(Row row, RecordContext record) {
    right.update(row);
    if (row.key()[0] == null || row.value() == null && row.oldValue() == null) {
      return;
    }
    for (SubscriptionStore.Subscriber subscriber :
        subscriptions.subscribers(rightKeys.encode(row.key()))) {
      responder.respond(subscriber, row.value(), row.timestamp());
    }
  }
}
