package dev.millrace.engine.operator;

import dev.millrace.engine.function.Aggregator;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.function.ResolvedAggregate;
import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.KeyLayout;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.TopicKeyFormat;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The builder of each plan step's operator (or a source's decoder): one method per step type.
 * Everything a task needs is made inside the returned factory (compiled expressions, serdes,
 * aggregators), so tasks share no mutable state.
 */
final class OperatorFactories {
  private final FunctionRegistry functions;
  private final SchemaRegistry registry;

  OperatorFactories(FunctionRegistry functions, SchemaRegistry registry) {
    this.functions = functions;
    this.registry = registry;
  }

  RecordDecoder streamSource(PlanStep.StreamSource step) {
    return sourceDecoder(
        step.topic(),
        step.formats(),
        step.sourceSchema(),
        step.schema(),
        step.timestampColumn(),
        step.timestampFormat(),
        step.headers(),
        Set.copyOf(step.skippedColumns()),
        false);
  }

  RecordDecoder tableSource(PlanStep.TableSource step) {
    return sourceDecoder(
        step.topic(),
        step.formats(),
        step.sourceSchema(),
        step.schema(),
        step.timestampColumn(),
        step.timestampFormat(),
        step.headers(),
        Set.of(),
        true);
  }

  OperatorFactory tableSourceStore(PlanStep.TableSource step) {
    return next ->
        new TableSourceOperator(
            step.storeName(),
            RowCodec.of(step.schema().key()),
            RowCodec.of(step.schema().value()),
            next);
  }

  OperatorFactory streamFilter(PlanStep.StreamFilter step) {
    return next -> new StreamFilterOperator(compile(step.predicate(), "the WHERE clause"), next);
  }

  OperatorFactory streamFlatMap(PlanStep.StreamFlatMap step) {
    int first = step.schema().value().size() - step.tableFunctions().size();
    List<SafeExpression> calls = new ArrayList<>();
    for (int i = 0; i < step.tableFunctions().size(); i++) {
      if (!(step.tableFunctions().get(i) instanceof Expr.FunctionCall call)) {
        throw new IllegalArgumentException(
            "a flat map calls table functions, not " + step.tableFunctions().get(i));
      }
      calls.add(
          new SafeExpression(
              functions, call, "column " + step.schema().value().get(first + i).name()));
    }
    return next -> new StreamFlatMapOperator(calls, next);
  }

  OperatorFactory tableFilter(PlanStep.TableFilter step) {
    return next -> new TableFilterOperator(compile(step.predicate(), "the filter"), next);
  }

  OperatorFactory select(List<Expr> values, LogicalSchema schema, boolean projectOld) {
    return next -> new SelectOperator(compileAll(values, schema.value()), projectOld, next);
  }

  /** Re-keys rows of the {@code input} schema into rows of {@code schema}. */
  /** {@code keepWindow}: rows keep their window (else they lose it). */
  OperatorFactory selectKey(
      List<Expr> keys,
      LogicalSchema input,
      LogicalSchema schema,
      boolean groupBy,
      boolean keepWindow) {
    NullValueKeys nullValueKeys = new NullValueKeys(input, keys);
    return next ->
        new SelectKeyOperator(
            compileAll(keys, schema.key()), groupBy, keepWindow, nullValueKeys, next);
  }

  OperatorFactory repartitionSink(String topic, LogicalSchema schema, KeyLayout keyLayout) {
    return repartitionSink(topic, schema, keyLayout, Optional.empty());
  }

  /** As above, with keys windowed as {@code window} says when it is present. */
  OperatorFactory repartitionSink(
      String topic, LogicalSchema schema, KeyLayout keyLayout, Optional<WindowInfo> window) {
    return next ->
        new SinkOperator(
            topic,
            internalKeySerde(topic, schema, keyLayout, window),
            InternalSerdes.valueSerde(schema.value()));
  }

  RecordDecoder repartitionSource(
      String topic, LogicalSchema schema, KeyLayout keyLayout, Optional<WindowInfo> window) {
    return new RepartitionDecoder(
        internalKeySerde(topic, schema, keyLayout, window),
        InternalSerdes.valueSerde(schema.value()));
  }

  /**
   * Reads a table's changes back from its repartition topic, deletes included, and stores them as a
   * table source does.
   */
  RecordDecoder tableRepartitionSource(PlanStep.TableRepartition step) {
    return new RepartitionDecoder(
        internalKeySerde(step.repartitionTopic(), step.schema(), TopicKeyFormat.layout(step).get()),
        InternalSerdes.valueSerde(step.schema().value()));
  }

  OperatorFactory tableRepartitionStore(PlanStep.TableRepartition step) {
    return next ->
        new TableSourceOperator(
            step.storeName(),
            RowCodec.of(step.schema().key()),
            RowCodec.of(step.schema().value()),
            next);
  }

  OperatorFactory sink(
      String topic,
      Formats formats,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      LogicalSchema schema) {
    RegistryBinding binding = new RegistryBinding(registry, topic);
    return next ->
        new SinkOperator(
            topic,
            SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow(), binding),
            SerdeFactory.valueSerde(formats.value(), schema.value(), binding),
            timestampColumn
                .map(column -> SinkTimestamp.of(schema, column, timestampFormat.orElse(null)))
                .orElse(null));
  }

  OperatorFactory materializer(String store, LogicalSchema table) {
    return next ->
        new TableMaterializer(store, RowCodec.of(table.key()), RowCodec.of(table.value()));
  }

  OperatorFactory streamTableJoin(PlanStep.StreamTableJoin step, String store) {
    LogicalSchema table = step.right().schema();
    return next ->
        new StreamTableJoinOperator(
            store,
            RowCodec.of(table.key()),
            RowCodec.of(table.value()),
            table.value().size(),
            step.type() == JoinType.INNER,
            next);
  }

  OperatorFactory streamStreamJoin(PlanStep.StreamStreamJoin step, JoinSide side) {
    LogicalSchema left = step.left().schema();
    LogicalSchema right = step.right().schema();
    return next ->
        new StreamStreamJoinOperator(
            step.storeName(),
            side,
            step.type(),
            step.window(),
            RowCodec.of(left.key()),
            RowCodec.of(left.value()),
            left.value().size(),
            RowCodec.of(right.value()),
            right.value().size(),
            next);
  }

  OperatorFactory aggregate(PlanStep.StreamAggregate step, boolean forwardOld) {
    RowCodec keyCodec = RowCodec.of(step.source().schema().key());
    if (step.window().isEmpty()) {
      return next ->
          new AggregateOperator(
              step.storeName(), keyCodec, aggregation(step.aggregates()), forwardOld, next);
    }
    WindowPolicy policy = WindowPolicy.of(step.window().get());
    if (policy.type() == WindowInfo.Type.SESSION) {
      return next ->
          new SessionAggregateOperator(
              step.storeName(), keyCodec, aggregation(step.aggregates()), policy, forwardOld, next);
    }
    return next ->
        new TimeWindowAggregateOperator(
            step.storeName(), keyCodec, aggregation(step.aggregates()), policy, forwardOld, next);
  }

  OperatorFactory suppress(PlanStep.TableSuppress step) {
    WindowPolicy policy = WindowPolicy.of(step.source().window().get());
    RowCodec keyCodec = RowCodec.of(step.schema().key());
    TimestampedCodec values = new TimestampedCodec(RowCodec.of(step.schema().value()));
    return next -> new SuppressOperator(step.storeName(), policy, keyCodec, values, next);
  }

  OperatorFactory tableGroupBy(PlanStep.TableGroupBy step) {
    return next -> new TableGroupByOperator(compileAll(step.keys(), step.schema().key()), next);
  }

  OperatorFactory changeSink(String topic, LogicalSchema schema) {
    return next ->
        new ChangeSinkOperator(
            topic,
            InternalSerdes.keySerde(schema.key()),
            new ChangeCodec(RowCodec.of(schema.value())));
  }

  RecordDecoder changeSource(LogicalSchema schema) {
    return new ChangeDecoder(
        InternalSerdes.keySerde(schema.key()), new ChangeCodec(RowCodec.of(schema.value())));
  }

  OperatorFactory tableAggregate(PlanStep.TableAggregate step, boolean forwardOld) {
    RowCodec keyCodec = RowCodec.of(step.source().schema().key());
    Aggregation checked = aggregation(step.aggregates());
    if (!checked.canUndo()) {
      throw new IllegalArgumentException(
          "a table aggregation needs aggregates that can undo: " + step.aggregates());
    }
    return next ->
        new TableAggregateOperator(
            step.storeName(), keyCodec, aggregation(step.aggregates()), forwardOld, next);
  }

  Aggregation aggregation(List<AggregateCall> calls) {
    List<Aggregator> aggregators = new ArrayList<>();
    List<List<SafeExpression>> arguments = new ArrayList<>();
    for (AggregateCall call : calls) {
      List<SqlType> types = call.arguments().stream().map(Expr::type).toList();
      List<Object> init = call.initArguments().stream().map(Expr.Literal::value).toList();
      ResolvedAggregate resolved =
          functions.resolveAggregate(call.name(), types, init, call.settings());
      List<SafeExpression> args = new ArrayList<>();
      for (int i = 0; i < call.arguments().size(); i++) {
        Expr argument = call.arguments().get(i);
        SqlType wanted = resolved.parameterTypes().get(i);
        Expr converted =
            argument.type().equals(wanted) ? argument : new Expr.Cast(argument, wanted);
        args.add(compile(converted, "argument " + (i + 1) + " of " + call.name()));
      }
      aggregators.add(resolved.aggregator());
      arguments.add(args);
    }
    return new Aggregation(aggregators, arguments);
  }

  private RecordDecoder sourceDecoder(
      String topic,
      Formats formats,
      LogicalSchema stored,
      LogicalSchema emitted,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      List<HeaderColumn> headers,
      Set<String> skipped,
      boolean table) {
    TimestampExtractor timestamps =
        timestampColumn
            .map(
                column -> {
                  int index = emitted.valueIndexOf(column);
                  if (index < 0) {
                    throw new IllegalArgumentException(
                        "timestamp column " + column + " is not a column of the source");
                  }
                  return new TimestampExtractor(
                      index,
                      column,
                      emitted.value().get(index).type(),
                      timestampFormat.orElse(null));
                })
            .orElse(null);
    RegistryBinding binding = new RegistryBinding(registry, topic);
    return new SourceDecoder(
        SerdeFactory.keySerde(formats.key(), stored.key(), formats.keyWindow(), binding),
        SerdeFactory.valueSerde(formats.value(), stored.value(), binding, skipped),
        stored.key().size(),
        stored.value().size(),
        headers,
        formats.keyWindow().isPresent(),
        table,
        timestamps);
  }

  /**
   * The key serde of an internal topic: written as the topic of {@code keyLayout} writes its keys
   * (its format and key columns, under its registry subject), when the internal topic must be
   * partitioned like it; else in the engine's own form. The columns' values are taken by position:
   * the layout's columns have the same types as {@code schema}'s key, whatever their names.
   */
  KeySerde internalKeySerde(String topic, LogicalSchema schema, KeyLayout keyLayout) {
    return internalKeySerde(topic, schema, keyLayout, Optional.empty());
  }

  /** As above, windowed as {@code window} says when it is present. */
  KeySerde internalKeySerde(
      String topic, LogicalSchema schema, KeyLayout keyLayout, Optional<WindowInfo> window) {
    return keyLayout == null
        ? SerdeFactory.windowed(InternalSerdes.keySerde(schema.key()), window)
        : SerdeFactory.keySerde(
            keyLayout.format(),
            keyLayout.columns(),
            window,
            new RegistryBinding(registry, keyLayout.topic()));
  }

  private SafeExpression compile(Expr expr, String label) {
    return new SafeExpression(functions, expr, label);
  }

  private List<SafeExpression> compileAll(List<Expr> exprs, List<Column> columns) {
    List<SafeExpression> compiled = new ArrayList<>(exprs.size());
    for (int i = 0; i < exprs.size(); i++) {
      compiled.add(compile(exprs.get(i), "column " + columns.get(i).name()));
    }
    return compiled;
  }
}
