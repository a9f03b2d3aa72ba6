package dev.millrace.engine.operator;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.TopicKeyFormat;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.types.LogicalSchema;
import java.util.function.Supplier;

/**
 * The builders of a foreign-key table join's operators, which run in two sub-topologies as Kafka
 * Streams runs such joins: the left table's tasks send subscriptions (partitioned by foreign key,
 * like the right table) and join the responses; the right table's tasks keep the subscriptions and
 * answer them, and answer again when a right row changes. So the tables may have any partition
 * counts.
 */
final class ForeignKeyJoinFactories {
  /** The internal topics and stores of one join. */
  record Names(
      String subscriptionTopic,
      String responseTopic,
      String subscriptionStore,
      String resultStore) {}

  /** What reads each input and internal topic; the left task's two feed the join's downstream. */
  record Parts(
      OperatorFactory leftChanges,
      Supplier<RecordDecoder> responses,
      OperatorFactory responseJoin,
      OperatorFactory rightChanges,
      Supplier<RecordDecoder> subscriptions,
      OperatorFactory subscriptionJoin) {}

  private final FunctionRegistry functions;
  private final OperatorFactories factories;

  ForeignKeyJoinFactories(FunctionRegistry functions, OperatorFactories factories) {
    this.functions = functions;
    this.factories = factories;
  }

  Parts parts(
      PlanStep.ForeignKeyTableJoin join,
      TableJoinFactories.Store leftStore,
      TableJoinFactories.Store rightStore,
      Names names) {
    if (join.type() != JoinType.INNER && join.type() != JoinType.LEFT) {
      throw new IllegalArgumentException("a foreign-key join is INNER or LEFT, not " + join.type());
    }
    LogicalSchema left = join.left().schema();
    LogicalSchema right = join.right().schema();
    LogicalSchema result = join.schema();
    JoinedRows joined =
        new JoinedRows(
            true, left.value().size(), right.value().size(), join.type() == JoinType.LEFT, false);
    RowCodec leftKeys = RowCodec.of(left.key());
    RowCodec leftValues = RowCodec.of(left.value());
    RowCodec rightKeys = RowCodec.of(right.key());
    RowCodec rightValues = RowCodec.of(right.value());
    return new Parts(
        next ->
            new ForeignKeySubscribeOperator(
                TableJoinFactories.stored(leftStore, left),
                new SafeExpression(functions, join.foreignKey(), "the join expression"),
                rightKeys,
                leftKeys,
                new RowHash(leftValues),
                names.subscriptionTopic(),
                subscriptionKeys(join, names),
                joined,
                results(names, result, next),
                new SubscriptionsBuilt(names.resultStore())),
        () ->
            new ForeignKeyMessageDecoder(
                InternalSerdes.keySerde(left.key()),
                bytes -> SubscriptionResponse.decode(bytes, rightValues)),
        next ->
            new ForeignKeyResponseOperator(
                TableJoinFactories.stored(leftStore, left),
                new RowHash(leftValues),
                joined,
                results(names, result, next)),
        next ->
            new ForeignKeyRightChangeOperator(
                TableJoinFactories.stored(rightStore, right),
                rightKeys,
                new SubscriptionStore(names.subscriptionStore()),
                new Responder(names.responseTopic(), rightValues)),
        () -> new ForeignKeyMessageDecoder(subscriptionKeys(join, names), Subscription::decode),
        next ->
            new ForeignKeySubscriptionOperator(
                TableJoinFactories.stored(rightStore, right),
                rightKeys,
                new SubscriptionStore(names.subscriptionStore()),
                new Responder(names.responseTopic(), rightValues)));
  }

  /**
   * Subscriptions are keyed by the foreign key exactly as the right table's topic is keyed, so that
   * each lands in the partition of the same number as the right row it names.
   */
  private KeySerde subscriptionKeys(PlanStep.ForeignKeyTableJoin join, Names names) {
    return factories.internalKeySerde(
        names.subscriptionTopic(),
        join.right().schema(),
        TopicKeyFormat.layout(join.right()).orElse(null));
  }

  private static JoinResults results(Names names, LogicalSchema result, Operator next) {
    return new JoinResults(
        new StoredTable(
            names.resultStore(), RowCodec.of(result.key()), RowCodec.of(result.value()), true),
        next);
  }
}
