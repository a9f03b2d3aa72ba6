package dev.millrace.planner.physical;

import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.planner.PlannerConfig;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.TimestampColumn;
import dev.millrace.planner.logical.CalciteTypes;
import dev.millrace.planner.logical.FlatMap;
import dev.millrace.planner.logical.LogicalQuery;
import dev.millrace.planner.logical.PartitionBy;
import dev.millrace.planner.logical.SourceTable;
import dev.millrace.planner.logical.WindowedAggregate;
import dev.millrace.planner.logical.WindowedJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates an optimised logical plan into the engine's plan steps. Stream and table semantics
 * decide the step kinds (a filter on a table is a TableFilter, which turns rows that stop matching
 * into deletes); aggregations become GroupBy then Aggregate; a re-key or a join on a non-key
 * expression goes through a repartition topic. Internal topic and store names come from {@link
 * StepNames}, so they are the same every time a query is planned.
 */
public final class PhysicalPlanner {
  private final CalciteTypes types;
  private final RexBuilder rex;
  private final StepNames names;
  private final PlannerConfig config;

  /** {@code config} gives aggregate calls their function settings. */
  public PhysicalPlanner(
      CalciteTypes types, RexBuilder rex, StepNames names, PlannerConfig config) {
    this.types = types;
    this.rex = rex;
    this.names = names;
    this.config = config;
  }

  /**
   * A translated subtree: its last step (which says whether it emits a stream or a table), which
   * value fields copy its key, and the key format of the topic its rows are partitioned by (null
   * once re-keyed).
   */
  record Built(PlanStep step, List<Integer> keyFields, String keyFormat) {
    boolean isTable() {
      return step.yieldsTable();
    }
  }

  /**
   * The steps of a persistent query writing {@code query}'s result (the input of its Sink) to
   * {@code topic}: the final select puts the key columns in the key and the others in the value.
   * With a {@code timestamp} column (the sink's WITH TIMESTAMP), each record's timestamp is that
   * column of its row; without one, records keep their rows' time.
   */
  public PlanStep persistent(
      RelNode result,
      LogicalQuery query,
      String topic,
      Formats formats,
      Optional<TimestampColumn> timestamp) {
    Built built = finalSelect(result, query, true);
    Optional<String> column = timestamp.map(TimestampColumn::column);
    Optional<String> format = timestamp.flatMap(TimestampColumn::format);
    return built.isTable()
        ? new PlanStep.TableSink(
            built.step(), topic, formats, column, format, built.step().schema())
        : new PlanStep.StreamSink(
            built.step(), topic, formats, column, format, built.step().schema());
  }

  /** The steps of a push query: every result column in SELECT order, delivered to the client. */
  public PlanStep transientQuery(RelNode result, LogicalQuery query) {
    Built built = finalSelect(result, query, false);
    return new PlanStep.TransientSink(built.step(), built.step().schema());
  }

  private Built finalSelect(RelNode result, LogicalQuery query, boolean persistent) {
    Built below;
    List<Expr> outputs;
    if (result instanceof Project project) {
      below = build(project.getInput());
      outputs = translator(project.getInput()).translateAll(project.getProjects());
    } else {
      below = build(result);
      outputs = refs(result);
    }
    List<Expr> values = new ArrayList<>();
    LogicalSchema schema;
    if (persistent) {
      for (int i = 0; i < outputs.size(); i++) {
        if (!query.keyPositions().contains(i)) {
          values.add(outputs.get(i));
        }
      }
      schema = query.schema();
      below = reorderedKey(below, query.keyPositions().stream().map(outputs::get).toList(), schema);
    } else {
      values.addAll(outputs);
      schema = new LogicalSchema(below.step().schema().key(), query.columns());
    }
    PlanStep step =
        below.isTable()
            ? new PlanStep.TableSelect(below.step(), values, schema)
            : SourcePruning.apply(new PlanStep.StreamSelect(below.step(), values, schema));
    return new Built(step, List.of(), below.keyFormat());
  }

  /**
   * The input re-keyed in place when a stream's result lists the input's own key columns in another
   * order (as {@code ksql.new.query.planner.enabled} has it), else the input as it is (the result's
   * key is then the input's: same columns in the same order, a join key selected from either side,
   * or no key at all, which its sink does not write).
   */
  private static Built reorderedKey(Built below, List<Expr> keys, LogicalSchema result) {
    LogicalSchema input = below.step().schema();
    if (below.isTable() || keys.size() != input.key().size()) {
      return below;
    }
    boolean reordered = false;
    for (int i = 0; i < keys.size(); i++) {
      int source = inputKeyIndex(keys.get(i), input);
      if (source < 0) {
        return below;
      }
      reordered |= source != i;
    }
    if (!reordered) {
      return below;
    }
    PlanStep rekeyed =
        new PlanStep.StreamSelectKey(
            below.step(), keys, "", new LogicalSchema(result.key(), input.value()));
    return new Built(rekeyed, List.of(), below.keyFormat());
  }

  /** Which of the input's key columns the expression copies, or -1 if it is no plain copy. */
  private static int inputKeyIndex(Expr key, LogicalSchema input) {
    for (int k = 0; k < input.key().size(); k++) {
      if (key instanceof Expr.ColumnRef ref
          && ref.index() == input.valueIndexOf(input.key().get(k).name())) {
        return k;
      }
    }
    return -1;
  }

  private Built build(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return source(scan.getTable().unwrap(SourceTable.class).source());
    }
    if (rel instanceof Filter filter) {
      Built input = build(filter.getInput());
      Expr predicate = translator(filter.getInput()).translate(filter.getCondition());
      return filtered(input, predicate);
    }
    if (rel instanceof Project project) {
      return project(project);
    }
    if (rel instanceof PartitionBy partition) {
      return partition(partition);
    }
    if (rel instanceof FlatMap flatMap) {
      return flatMap(flatMap);
    }
    if (rel instanceof Aggregate aggregate) {
      return aggregate(
          aggregate.getInput(),
          aggregate.getGroupCount(),
          aggregate.getAggCallList(),
          Optional.empty(),
          false,
          rel);
    }
    if (rel instanceof WindowedAggregate aggregate) {
      return aggregate(
          aggregate.getInput(),
          aggregate.groupCount(),
          aggregate.aggregateCalls(),
          Optional.of(aggregate.window()),
          aggregate.emitFinal(),
          rel);
    }
    if (rel instanceof Join join) {
      return join(join);
    }
    if (rel instanceof WindowedJoin join) {
      return streamStreamJoin(join);
    }
    throw new IllegalStateException("no plan step for " + rel.getRelTypeName());
  }

  private Built source(DataSource source) {
    LogicalSchema schema = SourceColumns.withPseudoColumns(source.schema(), source.isWindowed());
    Optional<String> timestamp = source.timestamp().map(TimestampColumn::column);
    Optional<String> format = source.timestamp().flatMap(TimestampColumn::format);
    PlanStep step =
        source.isTable()
            ? new PlanStep.TableSource(
                source.topic(),
                source.formats(),
                source.storedSchema(),
                timestamp,
                format,
                names.store("Source"),
                schema,
                source.headers())
            : new PlanStep.StreamSource(
                source.topic(),
                source.formats(),
                source.storedSchema(),
                timestamp,
                format,
                schema,
                source.headers());
    List<Integer> keyFields = new ArrayList<>();
    int first = source.schema().value().size() + 3;
    for (int i = 0; i < source.schema().key().size(); i++) {
      keyFields.add(first + i);
    }
    return new Built(step, keyFields, source.formats().key().format());
  }

  private static Built filtered(Built input, Expr predicate) {
    PlanStep step =
        input.isTable()
            ? new PlanStep.TableFilter(input.step(), predicate, input.step().schema())
            : new PlanStep.StreamFilter(input.step(), predicate, input.step().schema());
    return new Built(step, input.keyFields(), input.keyFormat());
  }

  private Built project(Project project) {
    Built input = build(project.getInput());
    List<Expr> values = translator(project.getInput()).translateAll(project.getProjects());
    LogicalSchema schema =
        new LogicalSchema(input.step().schema().key(), types.toColumns(project.getRowType()));
    PlanStep step =
        input.isTable()
            ? new PlanStep.TableSelect(input.step(), values, schema)
            : SourcePruning.apply(new PlanStep.StreamSelect(input.step(), values, schema));
    List<Integer> keyFields = new ArrayList<>();
    for (int key : input.keyFields()) {
      keyFields.add(positionOfRef(project.getProjects(), key));
    }
    return new Built(step, keyFields, input.keyFormat());
  }

  /**
   * Table functions keep the input's columns at their positions, so its key columns stay where they
   * were.
   */
  private Built flatMap(FlatMap flatMap) {
    Built input = build(flatMap.getInput());
    List<Expr> calls = translator(flatMap.getInput()).translateAll(flatMap.calls());
    LogicalSchema schema =
        new LogicalSchema(input.step().schema().key(), types.toColumns(flatMap.getRowType()));
    return new Built(
        new PlanStep.StreamFlatMap(input.step(), calls, schema),
        input.keyFields(),
        input.keyFormat());
  }

  private static int positionOfRef(List<RexNode> projects, int field) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == field) {
        return i;
      }
    }
    return -1;
  }

  private Built partition(PartitionBy partition) {
    Built input = build(partition.getInput());
    if (isCurrentKey(partition.keys(), input.keyFields())) {
      return input;
    }
    return rekey(input, partition.getInput(), partition.keys(), Optional.empty());
  }

  private static boolean isCurrentKey(List<RexNode> keys, List<Integer> keyFields) {
    if (keys.size() != keyFields.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.get(i) instanceof RexInputRef ref) || ref.getIndex() != keyFields.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Re-keys a stream. With a {@code reason}, rows go through a repartition topic named after it, so
   * that a join meets each key in one task; without, they go on as they are (PARTITION BY feeds the
   * sink, whose topic partitions rows by their new key).
   */
  private Built rekey(Built input, RelNode inputRel, List<RexNode> keys, Optional<String> reason) {
    return rekey(input, inputRel, keys, keyColumns(keys, inputRel), reason);
  }

  /**
   * Re-keys a stream for a join through the repartition topic named after {@code reason}; its rows
   * keep their window, windowed as {@code window} says, when it is present.
   */
  private Built rekey(
      Built input,
      RelNode inputRel,
      List<RexNode> keys,
      String reason,
      Optional<WindowInfo> window) {
    LogicalSchema schema =
        new LogicalSchema(keyColumns(keys, inputRel), input.step().schema().value());
    PlanStep step =
        new PlanStep.StreamSelectKey(
            input.step(),
            translator(inputRel).translateAll(keys),
            names.repartitionTopic(reason),
            schema,
            window);
    return new Built(step, refIndexes(keys), null);
  }

  /** As above, naming the new key columns {@code keyColumns}. */
  private Built rekey(
      Built input,
      RelNode inputRel,
      List<RexNode> keys,
      List<Column> keyColumns,
      Optional<String> reason) {
    List<Expr> keyExprs = translator(inputRel).translateAll(keys);
    LogicalSchema schema = new LogicalSchema(keyColumns, input.step().schema().value());
    PlanStep step =
        new PlanStep.StreamSelectKey(
            input.step(), keyExprs, reason.map(names::repartitionTopic).orElse(""), schema);
    return new Built(step, refIndexes(keys), null);
  }

  private List<Column> keyColumns(List<RexNode> keys, RelNode input) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      RexNode key = keys.get(i);
      String name =
          key instanceof RexInputRef ref
              ? input.getRowType().getFieldNames().get(ref.getIndex())
              : "KSQL_COL_" + i;
      columns.add(new Column(name, types.toSql(key.getType())));
    }
    return columns;
  }

  private static List<Integer> refIndexes(List<RexNode> keys) {
    return keys.stream().map(k -> k instanceof RexInputRef ref ? ref.getIndex() : -1).toList();
  }

  private Built aggregate(
      RelNode inputRel,
      int groupCount,
      List<org.apache.calcite.rel.core.AggregateCall> calls,
      Optional<WindowInfo> window,
      boolean emitFinal,
      RelNode rel) {
    Built input = build(inputRel);
    boolean table = input.isTable();
    if (table && window.isPresent()) {
      throw new IllegalStateException("windowing a table aggregation is rejected by analysis");
    }
    ExprTranslator translator = translator(inputRel);
    List<RexNode> keyRefs = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      keyRefs.add(rex.makeInputRef(inputRel, i));
    }
    List<Column> keyColumns = keyColumns(keyRefs, inputRel);
    LogicalSchema groupedSchema = new LogicalSchema(keyColumns, input.step().schema().value());
    boolean byCurrentKey =
        input.keyFields().equals(IntStream.range(0, groupCount).boxed().toList());
    // A table is always repartitioned, as ksqlDB does: its changes must carry their old rows.
    PlanStep grouped =
        table
            ? new PlanStep.TableGroupBy(
                input.step(),
                translator.translateAll(keyRefs),
                names.repartitionTopic("GroupBy"),
                groupedSchema)
            : new PlanStep.StreamGroupBy(
                input.step(),
                translator.translateAll(keyRefs),
                byCurrentKey ? "" : names.repartitionTopic("GroupBy"),
                groupedSchema);
    List<AggregateCall> aggregates = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall call : calls) {
      List<Expr> arguments = new ArrayList<>();
      call.getArgList()
          .forEach(a -> arguments.add(translator.translate(rex.makeInputRef(inputRel, a))));
      List<Expr.Literal> init = new ArrayList<>();
      call.rexList.forEach(r -> init.add((Expr.Literal) translator.translate(r)));
      String name = call.getAggregation().getName();
      aggregates.add(
          new AggregateCall(
              name, arguments, init, types.toSql(call.getType()), config.settingsOf(name)));
    }
    List<Column> value = new ArrayList<>(keyColumns);
    for (int i = 0; i < calls.size(); i++) {
      value.add(
          new Column(
              rel.getRowType().getFieldNames().get(groupCount + i), aggregates.get(i).type()));
    }
    if (window.isPresent()) {
      value.addAll(SourceColumns.windowBounds());
    }
    LogicalSchema schema = new LogicalSchema(keyColumns, value);
    PlanStep step;
    if (table) {
      step = new PlanStep.TableAggregate(grouped, aggregates, names.store("Aggregate"), schema);
    } else {
      PlanStep.StreamAggregate aggregate =
          new PlanStep.StreamAggregate(
              grouped, aggregates, window, names.store("Aggregate"), schema);
      step =
          emitFinal
              ? new PlanStep.TableSuppress(aggregate, names.store("Suppress"), schema)
              : aggregate;
    }
    List<Integer> keyFields = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      keyFields.add(i);
    }
    return new Built(step, keyFields, null);
  }

  private Built join(Join join) {
    Built left = build(join.getLeft());
    Built right = build(join.getRight());
    JoinInfo info = join.analyzeCondition();
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    List<Integer> pairs = keyPairs(info, right);
    List<Integer> leftKeys = pairs.stream().map(info.leftKeys::get).toList();
    if (left.isTable()) {
      return new TableJoinTranslator(types, rex, names).translate(join, left, right, leftKeys);
    }
    boolean keyedByJoinKey = left.keyFields().equals(leftKeys);
    // A stream keyed by the join key is still repartitioned when its key format differs from the
    // table's: equal keys must be serialised, and so partitioned, alike. A key of several columns
    // is serialised with its column names too (JSON, AVRO, ...), so the stream's must be the
    // table's.
    boolean coPartitioned =
        leftKeys.size() == 1
            ? left.keyFormat() == null || left.keyFormat().equals(right.keyFormat())
            : sameKeyLayout(left, right);
    if (!keyedByJoinKey || !coPartitioned) {
      List<RexNode> keys =
          leftKeys.stream().map(k -> (RexNode) rex.makeInputRef(join.getLeft(), k)).toList();
      List<Column> keyColumns =
          leftKeys.size() == 1 ? keyColumns(keys, join.getLeft()) : right.step().schema().key();
      left = rekey(left, join.getLeft(), keys, keyColumns, Optional.of("Join"));
    }
    List<Column> value = new ArrayList<>(left.step().schema().value());
    value.addAll(right.step().schema().value());
    LogicalSchema schema = new LogicalSchema(left.step().schema().key(), value);
    JoinType type = join.getJoinType() == JoinRelType.LEFT ? JoinType.LEFT : JoinType.INNER;
    Built joined =
        new Built(
            new PlanStep.StreamTableJoin(left.step(), right.step(), type, schema),
            leftKeys,
            left.keyFormat());
    List<RexNode> residual = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      if (!pairs.contains(i)) {
        residual.add(
            rex.makeCall(
                org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS,
                rex.makeInputRef(join, info.leftKeys.get(i)),
                rex.makeInputRef(join, leftWidth + info.rightKeys.get(i))));
      }
    }
    residual.addAll(info.nonEquiConditions);
    RexNode condition = RexUtil.composeConjunction(rex, residual);
    if (condition instanceof RexLiteral literal
        && Boolean.TRUE.equals(literal.getValueAs(Boolean.class))) {
      return joined;
    }
    return filtered(joined, translator(join).translate(condition));
  }

  /**
   * A stream-stream join: each side is re-keyed by its join expressions unless already keyed by
   * them, and when neither needs it but their key formats differ, the right side is repartitioned
   * anyway so that equal keys are serialised, and so partitioned, alike. A join on several columns
   * keeps both sides' topics only when they hold the same key layout.
   */
  private Built streamStreamJoin(WindowedJoin join) {
    Built left = build(join.getLeft());
    Built right = build(join.getRight());
    boolean leftKeyed = isCurrentKey(join.leftKeys(), left.keyFields());
    boolean rightKeyed = isCurrentKey(join.rightKeys(), right.keyFields());
    // A key of several columns written in a format with field names (JSON, AVRO, ...) is
    // serialised, so partitioned, by its column names too: unless both sides' topics already hold
    // the same layout and are keyed by the join key, both cross the engine's own positional format.
    boolean apart =
        join.leftKeys().size() > 1 && !(leftKeyed && rightKeyed && sameKeyLayout(left, right));
    // Windowed sides with a schema-registry key format both cross a topic windowed as the left
    // side is (WindowedJoinRules), keyed by their own keys.
    boolean rewindowed = join.rewindow().isPresent();
    if (!leftKeyed || apart || rewindowed) {
      leftKeyed = false;
      left = rekey(left, join.getLeft(), join.leftKeys(), "Join-left", join.rewindow());
    }
    if (!rightKeyed
        || apart
        || rewindowed
        || (leftKeyed && !java.util.Objects.equals(left.keyFormat(), right.keyFormat()))) {
      rightKeyed = false;
      right = rekey(right, join.getRight(), join.rightKeys(), "Join-right", join.rewindow());
    }
    List<Column> value = new ArrayList<>(left.step().schema().value());
    value.addAll(right.step().schema().value());
    LogicalSchema schema = new LogicalSchema(left.step().schema().key(), value);
    JoinType type =
        switch (join.joinType()) {
          case LEFT -> JoinType.LEFT;
          case RIGHT -> JoinType.RIGHT;
          case FULL -> JoinType.OUTER;
          default -> JoinType.INNER;
        };
    PlanStep step =
        new PlanStep.StreamStreamJoin(
            left.step(), right.step(), type, join.window(), names.store("Join"), schema);
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    List<Integer> keyFields = new ArrayList<>();
    for (int i = 0; i < join.leftKeys().size(); i++) {
      RexNode leftKey = join.leftKeys().get(i);
      RexNode rightKey = join.rightKeys().get(i);
      keyFields.add(
          switch (type) {
            case INNER, LEFT -> leftKey instanceof RexInputRef ref ? ref.getIndex() : -1;
            case RIGHT -> rightKey instanceof RexInputRef ref ? leftWidth + ref.getIndex() : -1;
            case OUTER -> -1;
          });
    }
    String keyFormat = leftKeyed ? left.keyFormat() : rightKeyed ? right.keyFormat() : null;
    return new Built(step, keyFields, keyFormat);
  }

  /** Both sides' topics hold keys of the same column names and types in the same format. */
  private static boolean sameKeyLayout(Built left, Built right) {
    return left.keyFormat() != null
        && left.keyFormat().equals(right.keyFormat())
        && left.step().schema().key().equals(right.step().schema().key());
  }

  /** Which equi-join pair compares with each of the table's primary key columns, in key order. */
  private static List<Integer> keyPairs(JoinInfo info, Built table) {
    List<Integer> pairs = new ArrayList<>();
    for (int keyField : table.keyFields()) {
      int pair = info.rightKeys.indexOf(keyField);
      if (pair < 0) {
        throw new IllegalStateException(
            "a stream-table join must compare the table's primary key: " + info);
      }
      pairs.add(pair);
    }
    return pairs;
  }

  private List<Expr> refs(RelNode rel) {
    List<RexNode> fields = new ArrayList<>();
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      fields.add(rex.makeInputRef(rel, i));
    }
    return translator(rel).translateAll(fields);
  }

  private ExprTranslator translator(RelNode input) {
    return new ExprTranslator(types, rex, input.getRowType().getFieldNames());
  }
}
