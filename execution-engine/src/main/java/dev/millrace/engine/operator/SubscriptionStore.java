package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right input's record of which left rows subscribed to each foreign key: one entry per
 * (foreign key, left key) pair, the foreign key first, so the subscribers of one right row are a
 * prefix scan, in left key order. Both parts are {@link RowCodec} encodings, which are prefix-free,
 * so the split is unambiguous. An entry's value is what a response to that left row needs: the hash
 * of its latest version and the partition of the task to answer.
 */
final class SubscriptionStore {
  /** One subscribed left row. */
  record Subscriber(byte[] leftKey, byte[] hash, int partition) {}

  private final String storeName;
  private KeyValueStore store;

  SubscriptionStore(String storeName) {
    this.storeName = storeName;
  }

  void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  void subscribe(byte[] foreignKey, Subscription subscription) {
    byte[] value =
        ByteBuffer.allocate(4 + subscription.hash().length)
            .putInt(subscription.partition())
            .put(subscription.hash())
            .array();
    store.put(entry(foreignKey, subscription.leftKey()), value);
  }

  void unsubscribe(byte[] foreignKey, byte[] leftKey) {
    store.delete(entry(foreignKey, leftKey));
  }

  /** The left rows subscribed to {@code foreignKey} (encoded), in left key order. */
  List<Subscriber> subscribers(byte[] foreignKey) {
    byte[] prefix = StateKeys.key(foreignKey);
    List<Subscriber> subscribers = new ArrayList<>();
    store.range(
        prefix,
        StateKeys.after(prefix),
        (k, v) ->
            subscribers.add(
                new Subscriber(
                    Arrays.copyOfRange(k, prefix.length, k.length),
                    Arrays.copyOfRange(v, 4, v.length),
                    ByteBuffer.wrap(v).getInt())));
    return subscribers;
  }

  private static byte[] entry(byte[] foreignKey, byte[] leftKey) {
    byte[] both = new byte[foreignKey.length + leftKey.length];
    System.arraycopy(foreignKey, 0, both, 0, foreignKey.length);
    System.arraycopy(leftKey, 0, both, foreignKey.length, leftKey.length);
    return StateKeys.key(both);
  }
}
