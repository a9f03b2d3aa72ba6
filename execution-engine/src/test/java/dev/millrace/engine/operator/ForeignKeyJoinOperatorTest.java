package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The four operators of a foreign-key join over one fake task, with the subscription and response
 * topics played by hand: what the operators emit to them is decoded and handed to the operator
 * reading that topic, in the order written, or held back to deliver late. Left rows are (NAME, FK);
 * right rows are (F1); the foreign key is the left row's second column.
 */
class ForeignKeyJoinOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 3, 0);
  private static final RowCodec KEY = new RowCodec(List.of(SqlType.BIGINT));
  private static final RowCodec RIGHT = new RowCodec(List.of(SqlType.STRING));
  private static final KeySerde KEY_SERDE =
      InternalSerdes.keySerde(List.of(new Column("ID", SqlType.BIGINT)));

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private final Map<Long, Object[]> leftRows = new HashMap<>();
  private final Map<Long, Object[]> rightRows = new HashMap<>();
  private final RecordDecoder subscriptions =
      new ForeignKeyMessageDecoder(KEY_SERDE, Subscription::decode);
  private final RecordDecoder responses =
      new ForeignKeyMessageDecoder(KEY_SERDE, bytes -> SubscriptionResponse.decode(bytes, RIGHT));
  private Operator left;
  private Operator response;
  private Operator right;
  private Operator subscription;

  private void join(boolean leftJoin) {
    RowCodec leftValues = new RowCodec(List.of(SqlType.STRING, SqlType.BIGINT));
    SafeExpression foreignKey =
        new SafeExpression(
            FunctionRegistry.builtIns(),
            new Expr.ColumnRef(1, "FK", SqlType.BIGINT),
            "the join expression");
    JoinedRows joined = new JoinedRows(true, 2, 1, leftJoin, false);
    left =
        new ForeignKeySubscribeOperator(
            new StoredTable("L", KEY, leftValues, true),
            foreignKey,
            KEY,
            KEY,
            new RowHash(leftValues),
            "sub",
            KEY_SERDE,
            joined,
            results(),
            new SubscriptionsBuilt("OUT"));
    response =
        new ForeignKeyResponseOperator(
            new StoredTable("L", KEY, leftValues, false),
            new RowHash(leftValues),
            joined,
            results());
    right =
        new ForeignKeyRightChangeOperator(
            new StoredTable("R", KEY, RIGHT, true),
            KEY,
            new SubscriptionStore("S"),
            new Responder("resp", RIGHT));
    subscription =
        new ForeignKeySubscriptionOperator(
            new StoredTable("R", KEY, RIGHT, false),
            KEY,
            new SubscriptionStore("S"),
            new Responder("resp", RIGHT));
    for (Operator operator : List.of(left, response, right, subscription)) {
      operator.init(context);
    }
  }

  private JoinResults results() {
    return new JoinResults(
        new StoredTable(
            "OUT",
            KEY,
            new RowCodec(List.of(SqlType.STRING, SqlType.BIGINT, SqlType.STRING)),
            true),
        out);
  }

  private void left(long key, String name, Long foreignKey, long time) {
    Object[] value = name == null ? null : new Object[] {name, foreignKey};
    Object[] old = value == null ? leftRows.remove(key) : leftRows.put(key, value);
    left.process(new Row(new Object[] {key}, value, time, null, old), RECORD);
  }

  private void right(long key, String f1, long time) {
    Object[] value = f1 == null ? null : new Object[] {f1};
    Object[] old = value == null ? rightRows.remove(key) : rightRows.put(key, value);
    right.process(new Row(new Object[] {key}, value, time, null, old), RECORD);
  }

  /** Delivers what was written to the internal topics, and what that writes, in order. */
  private void deliver() {
    deliver(takeEmitted());
  }

  private void deliver(List<OutputRecord> records) {
    List<OutputRecord> pending = new ArrayList<>(records);
    while (!pending.isEmpty()) {
      OutputRecord record = pending.remove(0);
      InputRecord input =
          new InputRecord(
              record.topic(),
              record.partition(),
              0,
              record.key(),
              record.value(),
              record.timestamp(),
              List.of());
      boolean isSubscription = record.topic().equals("sub");
      Row row = (isSubscription ? subscriptions : responses).decode(input, context);
      (isSubscription ? subscription : response).process(row, input.context());
      pending.addAll(takeEmitted());
    }
  }

  private List<OutputRecord> takeEmitted() {
    List<OutputRecord> taken = List.copyOf(context.emitted);
    context.emitted.clear();
    return taken;
  }

  @Test
  void innerJoinFollowsForeignKeyChangesAndRightChangesReachEveryReferencingRow() {
    join(false);
    for (Runnable input :
        List.<Runnable>of(
            () -> right(0, "blah", 0),
            () -> left(1, "zero", 0L, 10),
            () -> left(5, "five", 100L, 11),
            () -> left(10, "ten", 0L, 12),
            () -> right(0, "a", 15),
            () -> left(10, "ten", 100L, 16),
            () -> right(0, null, 17),
            () -> left(1, null, null, 18))) {
      input.run();
      deliver();
    }

    assertEquals(
        List.of(
            "[1] [zero, 0, blah] was null @10",
            "[10] [ten, 0, blah] was null @12",
            "[1] [zero, 0, a] was [zero, 0, blah] @15",
            "[10] [ten, 0, a] was [ten, 0, blah] @15",
            "[10] null was [ten, 0, a] @16",
            "[1] null was [zero, 0, a] @17",
            "[1] null was null @18"),
        out.rows);
    assertEquals(List.of(), context.errors);
  }

  /**
   * A query stored before foreign-key joins had subscriptions restarts with its tables' rows but
   * without subscriptions or results: its left task subscribes the rows it holds as it starts, so
   * that right changes reach them without waiting for them to change.
   */
  @Test
  void aLeftTaskStartedWithoutSubscriptionsSubscribesItsStoredRows() {
    join(false);
    right(0, "blah", 0);
    right(7, "seven", 0);
    left(1, "zero", 0L, 10);
    left(2, "two", 7L, 11);
    left(3, "three", 9L, 12);
    deliver();
    context.stores.remove("S");
    context.stores.remove("OUT");
    out.rows.clear();

    join(false);
    deliver();
    right(0, "a", 20);
    right(9, "nine", 21);
    deliver();

    assertEquals(
        List.of(
            "[1] [zero, 0, blah] was null @10",
            "[2] [two, 7, seven] was null @11",
            // Not knowing what the old query emitted, an INNER join deletes an unmatched row's
            // result: a tombstone for a key that may have none, as for a deleted unmatched row.
            "[3] null was null @12",
            "[1] [zero, 0, a] was [zero, 0, blah] @20",
            "[3] [three, 9, nine] was null @21"),
        out.rows);
    assertEquals(List.of(), context.errors);
  }

  @Test
  void aRestartedLeftTaskWithItsSubscriptionsInPlaceSendsNone() {
    join(false);
    right(0, "blah", 0);
    left(1, "zero", 0L, 10);
    deliver();
    takeEmitted();

    join(false);

    assertEquals(List.of(), takeEmitted());
  }

  @Test
  void leftJoinKeepsLeftRowsWithoutAMatchAndDeletesOnlyDeletedLeftRows() {
    join(true);
    for (Runnable input :
        List.<Runnable>of(
            () -> left(1, "zero", 0L, 0),
            () -> right(0, "blah", 10),
            () -> left(1, "zero", 7L, 11),
            () -> right(0, "a", 12),
            () -> left(2, "two", null, 13),
            () -> left(2, null, null, 14))) {
      input.run();
      deliver();
    }

    assertEquals(
        List.of(
            "[1] [zero, 0, null] was null @0",
            "[1] [zero, 0, blah] was [zero, 0, null] @10",
            "[1] [zero, 7, null] was [zero, 0, blah] @11",
            "[2] [two, null, null] was null @13",
            "[2] null was [two, null, null] @14"),
        out.rows);
  }

  @Test
  void responsesToAReplacedVersionOfALeftRowAreDroppedInWhateverOrderTheyArrive() {
    join(true);
    right(0, "zero", 0);
    right(7, "seven", 0);
    deliver();
    left(1, "one", 0L, 10);
    List<OutputRecord> first = takeEmitted();
    left(1, "one", 7L, 11);
    List<OutputRecord> second = takeEmitted();
    // The response to the first version comes after the second version's: it is stale.
    deliver(second);
    deliver(first);
    left(2, "two", 7L, 12);
    List<OutputRecord> olderTwo = takeEmitted();
    left(2, null, null, 13);
    // The row was deleted before its subscription was answered: nothing joins it again.
    deliver();
    deliver(olderTwo);

    assertEquals(List.of("[1] [one, 7, seven] was null @11", "[2] null was null @13"), out.rows);
  }

  @Test
  void responsesGoBackToThePartitionOfTheSubscribingTask() {
    join(false);
    right(0, "zero", 0);
    left(1, "one", 0L, 10);
    deliver(takeEmitted());
    right(0, "nought", 20);

    assertEquals(List.of(3), context.emitted.stream().map(OutputRecord::partition).toList());
  }
}
