package dev.millrace.engine.operator;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the left input of a foreign-key join tells the right input about one left row, on the join's
 * subscription topic (keyed by the foreign key, so it reaches the task holding that right row):
 * subscribe the row to its foreign key, or unsubscribe it from a foreign key it no longer has.
 *
 * @param leftKey the left row's key, in {@link RowCodec} form (the right input never decodes it: it
 *     only keeps it and sends it back as the response's key)
 * @param hash the {@link RowHash} of the left row subscribing (empty for an unsubscription), sent
 *     back with each response so that the left input can tell a response to its current row from
 *     one to a row it has replaced since
 * @param partition the left task's partition, where responses go
 */
record Subscription(Instruction instruction, byte[] leftKey, byte[] hash, int partition) {

  /** What the right input does with a subscription. */
  enum Instruction {
    /** Forget the left row under this foreign key; no response. */
    UNSUBSCRIBE,
    /** Keep the left row and respond with the right row, or with none when there is none. */
    SUBSCRIBE_ALWAYS_RESPOND,
    /**
     * Keep the left row and respond only when the right row exists: an INNER join of a new left row
     * has nothing to emit, nor to retract, until it has a match.
     */
    SUBSCRIBE_RESPOND_IF_MATCH
  }

  /** The record value: the instruction, the partition, the hash's length and bytes, the key. */
  byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + 1 + hash.length + leftKey.length);
    out.put((byte) instruction.ordinal()).putInt(partition).put((byte) hash.length);
    return out.put(hash).put(leftKey).array();
  }

  static Subscription decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Instruction instruction = Instruction.values()[in.get()];
    int partition = in.getInt();
    byte[] hash = new byte[in.get()];
    in.get(hash);
    byte[] leftKey = Arrays.copyOfRange(bytes, in.position(), bytes.length);
    return new Subscription(instruction, leftKey, hash, partition);
  }
}
