package dev.millrace.engine.testing;

import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Short-hands for writing physical plans by hand in tests, as the planner would produce them. */
final class Plans {
  static final Formats KAFKA_JSON =
      new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty());

  private Plans() {}

  static Column col(String name, SqlType type) {
    return new Column(name, type);
  }

  static LogicalSchema schema(List<Column> key, Column... value) {
    return new LogicalSchema(key, Arrays.asList(value));
  }

  static PlanStep.StreamSource stream(String topic, LogicalSchema stored) {
    return new PlanStep.StreamSource(
        topic,
        KAFKA_JSON,
        stored,
        Optional.empty(),
        Optional.empty(),
        SourceColumns.withPseudoColumns(stored, false));
  }

  static PlanStep.TableSource table(String topic, LogicalSchema stored, String store) {
    return new PlanStep.TableSource(
        topic,
        KAFKA_JSON,
        stored,
        Optional.empty(),
        Optional.empty(),
        store,
        SourceColumns.withPseudoColumns(stored, false));
  }

  /** A reference to a value column of {@code step}'s output, by name. */
  static Expr.ColumnRef ref(PlanStep step, String name) {
    int index = step.schema().valueIndexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + step.schema().toSql());
    }
    return new Expr.ColumnRef(index, name, step.schema().value().get(index).type());
  }

  static Expr.Literal lit(Object value, SqlType type) {
    return new Expr.Literal(value, type);
  }

  static Expr op(Operator operator, SqlType type, Expr... operands) {
    return new Expr.Operation(operator, List.of(operands), type);
  }

  /** SELECT of named columns of {@code source}, keeping its key. */
  static PlanStep.StreamSelect select(PlanStep source, String... names) {
    List<Expr> values = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      Expr.ColumnRef ref = ref(source, name);
      values.add(ref);
      columns.add(col(name, ref.type()));
    }
    return new PlanStep.StreamSelect(
        source, values, new LogicalSchema(source.schema().key(), columns));
  }

  static PlanStep.StreamSink streamSink(PlanStep source, String topic) {
    return new PlanStep.StreamSink(source, topic, KAFKA_JSON, source.schema());
  }

  static PlanStep.TableSink tableSink(PlanStep source, String topic, Formats formats) {
    return new PlanStep.TableSink(source, topic, formats, source.schema());
  }

  /** GROUP BY one column of {@code source} (the new key column gets the column's name). */
  static PlanStep.StreamGroupBy groupBy(PlanStep source, String column, String repartitionTopic) {
    Expr.ColumnRef ref = ref(source, column);
    LogicalSchema schema =
        new LogicalSchema(List.of(col(column, ref.type())), source.schema().value());
    return new PlanStep.StreamGroupBy(source, List.of(ref), repartitionTopic, schema);
  }

  /** An aggregation of a grouped stream; result columns are named by {@code names}. */
  static PlanStep.StreamAggregate aggregate(
      PlanStep grouped,
      Optional<WindowInfo> window,
      String store,
      List<AggregateCall> calls,
      String... names) {
    List<Column> value = new ArrayList<>(grouped.schema().key());
    for (int i = 0; i < calls.size(); i++) {
      value.add(col(names[i], calls.get(i).type()));
    }
    if (window.isPresent()) {
      value.addAll(SourceColumns.windowBounds());
    }
    return new PlanStep.StreamAggregate(
        grouped, calls, window, store, new LogicalSchema(grouped.schema().key(), value));
  }

  static AggregateCall call(String name, SqlType type, Expr... arguments) {
    return new AggregateCall(name, List.of(arguments), List.of(), type);
  }
}
