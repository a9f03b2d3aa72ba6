package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Whether a foreign-key join's left task has subscribed its rows on the right input: a mark in the
 * join's results store, set once the task has started with its subscriptions in place. A query
 * stored before foreign-key joins had subscriptions (its left rows met the right rows in one task,
 * with no subscription topic and no results store) restarts with its left rows restored but no mark
 * and no subscriptions: its left task then subscribes every row it holds before processing, or
 * right changes would reach a left row only after that row changed again.
 */
final class SubscriptionsBuilt {
  /** Beside the data keys (1...) and the stream time (0) of {@link StateKeys}. */
  private static final byte[] MARK = {2};

  private final String storeName;
  private KeyValueStore store;

  SubscriptionsBuilt(String storeName) {
    this.storeName = storeName;
  }

  void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  boolean isSet() {
    return store.get(MARK) != null;
  }

  void set() {
    store.put(MARK, MARK);
  }
}
