package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which left rows of a foreign-key join reference each right key: one store entry per (foreign key,
 * left key) pair, the foreign key first, so the left keys of one right row are a prefix scan. Both
 * parts are {@link RowCodec} encodings, which are prefix-free, so the split is unambiguous.
 */
final class ForeignKeyIndex {
  private static final byte[] PRESENT = {};

  private final String storeName;
  private final RowCodec foreignKeyCodec;
  private final RowCodec leftKeyCodec;
  private KeyValueStore store;

  ForeignKeyIndex(String storeName, RowCodec foreignKeyCodec, RowCodec leftKeyCodec) {
    this.storeName = storeName;
    this.foreignKeyCodec = foreignKeyCodec;
    this.leftKeyCodec = leftKeyCodec;
  }

  void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  /** The encoded foreign key, which is also how the right input's store keys it. */
  byte[] encode(Object foreignKey) {
    return foreignKeyCodec.encode(new Object[] {foreignKey});
  }

  void add(byte[] foreignKey, Object[] leftKey) {
    store.put(entry(foreignKey, leftKey), PRESENT);
  }

  void remove(byte[] foreignKey, Object[] leftKey) {
    store.delete(entry(foreignKey, leftKey));
  }

  /** The keys of the left rows that reference {@code foreignKey}, in key order. */
  List<Object[]> leftKeys(byte[] foreignKey) {
    byte[] prefix = StateKeys.key(foreignKey);
    List<Object[]> keys = new ArrayList<>();
    store.range(
        prefix,
        StateKeys.after(prefix),
        (k, v) ->
            keys.add(
                leftKeyCodec.decodeFrom(
                    ByteBuffer.wrap(k, prefix.length, k.length - prefix.length))));
    return keys;
  }

  private byte[] entry(byte[] foreignKey, Object[] leftKey) {
    byte[] left = leftKeyCodec.encode(leftKey);
    byte[] both = new byte[foreignKey.length + left.length];
    System.arraycopy(foreignKey, 0, both, 0, foreignKey.length);
    System.arraycopy(left, 0, both, foreignKey.length, left.length);
    return StateKeys.key(both);
  }
}
