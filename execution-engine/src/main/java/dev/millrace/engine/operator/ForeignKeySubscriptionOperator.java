package dev.millrace.engine.operator;

/**
 * The left rows' subscriptions in a foreign-key join, in the right table's task (the subscription
 * topic is partitioned by the foreign key, as the right table is): each is kept in, or removed
 * from, the {@link SubscriptionStore}, and a subscription is answered at once with the right row it
 * names (as its instruction says when there is none).
 */
final class ForeignKeySubscriptionOperator implements Operator {
  private final StoredTable right;
  private final RowCodec rightKeys;
  private final SubscriptionStore subscriptions;
  private final Responder responder;

  ForeignKeySubscriptionOperator(
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

  /** {@code row}: the foreign key, and the {@link Subscription} as the value's only column. */
  @Override
  public void process(Row row, RecordContext record) {
    Subscription subscription = (Subscription) row.value()[0];
    byte[] foreignKey = rightKeys.encode(row.key());
    if (subscription.instruction() == Subscription.Instruction.UNSUBSCRIBE) {
      subscriptions.unsubscribe(foreignKey, subscription.leftKey());
      return;
    }
    subscriptions.subscribe(foreignKey, subscription);
    StoredTable.Stored match = right.get(row.key());
    if (match == null
        && subscription.instruction() == Subscription.Instruction.SUBSCRIBE_RESPOND_IF_MATCH) {
      return;
    }
    SubscriptionStore.Subscriber subscriber =
        new SubscriptionStore.Subscriber(
            subscription.leftKey(), subscription.hash(), subscription.partition());
    if (match == null) {
      responder.respond(subscriber, null, row.timestamp());
    } else {
      responder.respond(subscriber, match.value(), match.timestamp());
    }
  }
}
