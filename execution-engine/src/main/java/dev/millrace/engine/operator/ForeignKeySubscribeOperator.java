package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import java.util.Arrays;

/**
 * The left input's changes in a foreign-key join, in the left table's task. A row that references a
 * right row subscribes to it, with a hash of its value, on the subscription topic (partitioned by
 * the foreign key, as the right table is); the right input answers on the response topic. A row
 * that changes or loses its foreign key unsubscribes from the old one. What needs no right row is
 * emitted here at once: a deleted row deletes its result, a row without a foreign key is kept by a
 * LEFT join (padded with nulls) and deleted by an INNER one. An INNER join of a row that had no
 * previous version asks for a response only if there is a match (nothing to emit or retract
 * otherwise); every other subscription gets a response, so that an updated row that no longer
 * matches is deleted (INNER) or padded (LEFT).
 *
 * <p>A task that starts without its subscriptions in place ({@link SubscriptionsBuilt}: a query
 * stored before foreign-key joins had them) subscribes every left row it holds first, each asking
 * for a response, so that its results follow the right rows as they are now and as they change.
 */
final class ForeignKeySubscribeOperator implements Operator {
  private static final byte[] NO_HASH = {};

  private final StoredTable left;
  private final SafeExpression foreignKey;
  private final RowCodec foreignKeys;
  private final RowCodec leftKeys;
  private final RowHash hash;
  private final String subscriptionTopic;
  private final KeySerde subscriptionKeys;
  private final JoinedRows joined;
  private final JoinResults results;
  private final SubscriptionsBuilt built;
  private ProcessingContext context;

  ForeignKeySubscribeOperator(
      StoredTable left,
      SafeExpression foreignKey,
      RowCodec foreignKeys,
      RowCodec leftKeys,
      RowHash hash,
      String subscriptionTopic,
      KeySerde subscriptionKeys,
      JoinedRows joined,
      JoinResults results,
      SubscriptionsBuilt built) {
    this.left = left;
    this.foreignKey = foreignKey;
    this.foreignKeys = foreignKeys;
    this.leftKeys = leftKeys;
    this.hash = hash;
    this.subscriptionTopic = subscriptionTopic;
    this.subscriptionKeys = subscriptionKeys;
    this.joined = joined;
    this.results = results;
    this.built = built;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    left.init(context);
    results.init(context);
    built.init(context);
    if (!built.isSet()) {
      left.forEach(this::resubscribe);
      built.set();
    }
  }

  /** Subscribes a stored left row to its foreign key, asking for a response in any case. */
  private void resubscribe(Object[] key, StoredTable.Stored row) {
    Object foreign = foreignKey.evaluateQuietly(row.value());
    if (foreign != null) {
      Subscription subscribe =
          new Subscription(
              Subscription.Instruction.SUBSCRIBE_ALWAYS_RESPOND,
              leftKeys.encode(key),
              hash.of(row.value()),
              context.partition());
      send(foreign, subscribe, row.timestamp());
    }
  }

  @Override
  public void process(Row row, RecordContext record) {
    left.update(row);
    Object newKey = row.value() == null ? null : foreignKey.evaluate(row.value(), context, record);
    Object oldKey = row.oldValue() == null ? null : foreignKey.evaluateQuietly(row.oldValue());
    byte[] leftKey = leftKeys.encode(row.key());
    if (oldKey != null && (newKey == null || !Arrays.equals(encode(oldKey), encode(newKey)))) {
      Subscription unsubscribe =
          new Subscription(Subscription.Instruction.UNSUBSCRIBE, leftKey, NO_HASH, 0);
      send(oldKey, unsubscribe, row.timestamp());
    }
    if (row.value() == null) {
      if (row.oldValue() != null) {
        results.emit(row.key(), null, row.timestamp(), record);
      }
      return;
    }
    if (newKey == null) {
      Object[] padded = joined.of(row.value(), null);
      if (padded != null || row.oldValue() != null) {
        results.emit(row.key(), padded, row.timestamp(), record);
      }
      return;
    }
    boolean respond = joined.keepThis() || row.oldValue() != null;
    Subscription subscribe =
        new Subscription(
            respond
                ? Subscription.Instruction.SUBSCRIBE_ALWAYS_RESPOND
                : Subscription.Instruction.SUBSCRIBE_RESPOND_IF_MATCH,
            leftKey,
            hash.of(row.value()),
            record.partition());
    send(newKey, subscribe, row.timestamp());
  }

  private byte[] encode(Object key) {
    return foreignKeys.encode(new Object[] {key});
  }

  private void send(Object key, Subscription subscription, long time) {
    byte[] keyBytes = subscriptionKeys.serialize(new Object[] {key}, null);
    context.emit(new OutputRecord(subscriptionTopic, keyBytes, subscription.encode(), time));
  }
}
