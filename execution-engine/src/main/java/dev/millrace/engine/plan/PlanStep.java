package dev.millrace.engine.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.millrace.engine.types.LogicalSchema;
import java.util.List;
import java.util.Optional;

/**
 * One step of a persistent query's physical plan. A plan is a tree of steps rooted at a sink; it is
 * stored with the query as JSON, so every step has a versioned type name that must keep loading
 * after upgrades (add a new version rather than change an old one).
 *
 * <p>Row contract between steps: a row is a key array (the columns of {@code schema().key()}) and a
 * value array (the columns of {@code schema().value()}). Expressions in a step refer to positions
 * in its source's value array. Sources copy the pseudo columns and key columns into the value (see
 * {@link SourceColumns}), so expressions never need to look at the key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlanStep.StreamSource.class, name = "streamSourceV1"),
  @JsonSubTypes.Type(value = PlanStep.TableSource.class, name = "tableSourceV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamFilter.class, name = "streamFilterV1"),
  @JsonSubTypes.Type(value = PlanStep.TableFilter.class, name = "tableFilterV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamSelect.class, name = "streamSelectV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamFlatMap.class, name = "streamFlatMapV1"),
  @JsonSubTypes.Type(value = PlanStep.TableSelect.class, name = "tableSelectV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamSelectKey.class, name = "streamSelectKeyV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamGroupBy.class, name = "streamGroupByV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamAggregate.class, name = "streamAggregateV1"),
  @JsonSubTypes.Type(value = PlanStep.TableGroupBy.class, name = "tableGroupByV1"),
  @JsonSubTypes.Type(value = PlanStep.TableAggregate.class, name = "tableAggregateV1"),
  @JsonSubTypes.Type(value = PlanStep.TableSuppress.class, name = "tableSuppressV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamTableJoin.class, name = "streamTableJoinV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamStreamJoin.class, name = "streamStreamJoinV1"),
  @JsonSubTypes.Type(value = PlanStep.TableTableJoin.class, name = "tableTableJoinV1"),
  @JsonSubTypes.Type(value = PlanStep.ForeignKeyTableJoin.class, name = "foreignKeyTableJoinV1"),
  @JsonSubTypes.Type(value = PlanStep.TableRepartition.class, name = "tableRepartitionV1"),
  @JsonSubTypes.Type(value = PlanStep.StreamSink.class, name = "streamSinkV1"),
  @JsonSubTypes.Type(value = PlanStep.TableSink.class, name = "tableSinkV1"),
  @JsonSubTypes.Type(value = PlanStep.TransientSink.class, name = "transientSinkV1")
})
public sealed interface PlanStep {

  /** The columns of the rows this step emits. */
  LogicalSchema schema();

  /** The steps this one reads from. */
  @JsonIgnore
  List<PlanStep> sources();

  /**
   * Whether this step emits a table's changes (each row replaces its key's previous row, a deleted
   * row reaches downstream as a delete) rather than a stream's independent events.
   */
  @JsonIgnore
  boolean yieldsTable();

  /** Calls the method of {@code visitor} for this step's kind. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of step. Code that treats each kind in its own way implements this instead
   * of testing types one by one, so that a new kind of step does not compile until every such place
   * says what it does with it.
   */
  interface Visitor<R> {
    R streamSource(StreamSource step);

    R tableSource(TableSource step);

    R streamFilter(StreamFilter step);

    R tableFilter(TableFilter step);

    R streamSelect(StreamSelect step);

    R streamFlatMap(StreamFlatMap step);

    R tableSelect(TableSelect step);

    R streamSelectKey(StreamSelectKey step);

    R streamGroupBy(StreamGroupBy step);

    R streamAggregate(StreamAggregate step);

    R tableGroupBy(TableGroupBy step);

    R tableAggregate(TableAggregate step);

    R tableSuppress(TableSuppress step);

    R streamTableJoin(StreamTableJoin step);

    R streamStreamJoin(StreamStreamJoin step);

    R tableTableJoin(TableTableJoin step);

    R tableRepartition(TableRepartition step);

    R foreignKeyTableJoin(ForeignKeyTableJoin step);

    R streamSink(StreamSink step);

    R tableSink(TableSink step);

    R transientSink(TransientSink step);
  }

  /**
   * Reads a stream from a topic. {@code sourceSchema} is the topic's columns (key and value as
   * stored); {@code schema} is what the step emits: the same key, and the value extended as {@link
   * SourceColumns#withPseudoColumns} says, the {@code headers} columns (read from the record's
   * headers) coming right after the stored value columns. {@code timestampColumn}, when present,
   * names the value column holding the event time (BIGINT millis, or STRING parsed with {@code
   * timestampFormat}). Plans stored before header columns existed have none.
   *
   * <p>{@code skippedColumns} names stored value columns that no later step reads: the value
   * decoder may skip them (they stay null in the row) rather than build their values. Empty, as in
   * plans stored before it existed, means every column is decoded.
   */
  record StreamSource(
      String topic,
      Formats formats,
      LogicalSchema sourceSchema,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      LogicalSchema schema,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HeaderColumn> headers,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skippedColumns)
      implements PlanStep {
    public StreamSource {
      headers = headers == null ? List.of() : List.copyOf(headers);
      skippedColumns = skippedColumns == null ? List.of() : List.copyOf(skippedColumns);
    }

    /** A source that decodes every column. */
    public StreamSource(
        String topic,
        Formats formats,
        LogicalSchema sourceSchema,
        Optional<String> timestampColumn,
        Optional<String> timestampFormat,
        LogicalSchema schema,
        List<HeaderColumn> headers) {
      this(
          topic,
          formats,
          sourceSchema,
          timestampColumn,
          timestampFormat,
          schema,
          headers,
          List.of());
    }

    /** A source without header columns. */
    public StreamSource(
        String topic,
        Formats formats,
        LogicalSchema sourceSchema,
        Optional<String> timestampColumn,
        Optional<String> timestampFormat,
        LogicalSchema schema) {
      this(topic, formats, sourceSchema, timestampColumn, timestampFormat, schema, List.of());
    }

    /** This source, decoding all but {@code skipped} of its stored value columns. */
    public StreamSource skipping(List<String> skipped) {
      return new StreamSource(
          topic, formats, sourceSchema, timestampColumn, timestampFormat, schema, headers, skipped);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamSource(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of();
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Reads a table from a topic: each record upserts its key's row, a null value deletes it. The
   * latest row per key is materialised in the state store {@code storeName}. Columns as {@link
   * StreamSource}.
   */
  record TableSource(
      String topic,
      Formats formats,
      LogicalSchema sourceSchema,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      String storeName,
      LogicalSchema schema,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HeaderColumn> headers)
      implements PlanStep {
    public TableSource {
      headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A source without header columns. */
    public TableSource(
        String topic,
        Formats formats,
        LogicalSchema sourceSchema,
        Optional<String> timestampColumn,
        Optional<String> timestampFormat,
        String storeName,
        LogicalSchema schema) {
      this(
          topic,
          formats,
          sourceSchema,
          timestampColumn,
          timestampFormat,
          storeName,
          schema,
          List.of());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableSource(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of();
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /** Keeps the stream rows for which the predicate is true (null counts as false). */
  record StreamFilter(PlanStep source, Expr predicate, LogicalSchema schema) implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamFilter(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Keeps table rows for which the predicate is true; a row that stops matching is deleted
   * downstream.
   */
  record TableFilter(PlanStep source, Expr predicate, LogicalSchema schema) implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableFilter(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /** Computes each value column of {@code schema} from one expression; the key passes through. */
  record StreamSelect(PlanStep source, List<Expr> values, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamSelect(this);
    }

    public StreamSelect {
      values = List.copyOf(values);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Calls table functions (e.g. EXPLODE) on each stream row: the emitted value is the input value
   * followed by one column per call in {@code tableFunctions}. A row gives as many rows as its
   * longest result; shorter results are null in the missing positions, and a row whose results are
   * all empty gives none. The key, time and window pass through.
   */
  record StreamFlatMap(PlanStep source, List<Expr> tableFunctions, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamFlatMap(this);
    }

    public StreamFlatMap {
      tableFunctions = List.copyOf(tableFunctions);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /** As {@link StreamSelect}, for table rows (deletes pass through as deletes). */
  record TableSelect(PlanStep source, List<Expr> values, LogicalSchema schema) implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableSelect(this);
    }

    public TableSelect {
      values = List.copyOf(values);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Re-keys a stream (PARTITION BY, or before a join): the new key columns are computed from {@code
   * keys}; the value is unchanged. Records then pass through the internal repartition topic {@code
   * repartitionTopic} so each key's records reach one task. An empty {@code repartitionTopic} means
   * no repartitioning: the rows go straight on to a sink, whose topic partitions them by key.
   *
   * <p>Rows lose their window, unless {@code window} is present: then they keep it through the
   * repartition topic, whose keys are windowed as {@code window} says (a time window keeps its
   * start and ends {@code window}'s size later; a session keeps both bounds). Two windowed streams
   * joined with a schema-registry key format meet this way, in the left side's window.
   */
  record StreamSelectKey(
      PlanStep source,
      List<Expr> keys,
      String repartitionTopic,
      LogicalSchema schema,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Optional<WindowInfo> window)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamSelectKey(this);
    }

    public StreamSelectKey {
      keys = List.copyOf(keys);
      // Plans stored before rows could keep their window through a repartition have no such
      // field: Jackson passes null, which means the window is dropped.
      window = window == null ? Optional.empty() : window;
    }

    /** A re-keying whose rows lose their window. */
    public StreamSelectKey(
        PlanStep source, List<Expr> keys, String repartitionTopic, LogicalSchema schema) {
      this(source, keys, repartitionTopic, schema, Optional.empty());
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Groups a stream by {@code keys} for aggregation, through the repartition topic {@code
   * repartitionTopic}; rows whose grouping key has a null column are dropped (as ksqlDB does). The
   * value is unchanged. An empty {@code repartitionTopic} means the rows are already partitioned by
   * the grouping key (it is the stream's key), so they need no repartitioning.
   */
  record StreamGroupBy(
      PlanStep source, List<Expr> keys, String repartitionTopic, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamGroupBy(this);
    }

    public StreamGroupBy {
      keys = List.copyOf(keys);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Aggregates a grouped stream into a table, optionally per window. Emitted value: the key columns
   * copied, then one column per aggregate call, then WINDOWSTART and WINDOWEND when windowed (see
   * {@link SourceColumns}). State lives in the store {@code storeName}.
   */
  record StreamAggregate(
      PlanStep source,
      List<AggregateCall> aggregates,
      Optional<WindowInfo> window,
      String storeName,
      LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamAggregate(this);
    }

    public StreamAggregate {
      aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * EMIT FINAL: of the windowed aggregation {@code source}, only each window's last row, once the
   * window has closed (stream time has passed its end plus the grace period; for a session, its end
   * plus gap plus grace). Rows wait in the store {@code storeName}, ordered by window end, so they
   * survive a restart. A window that falls out of {@code source}'s retention before it closes is
   * dropped without a row, as ksqlDB drops it. Emitted rows are {@code source}'s.
   */
  record TableSuppress(StreamAggregate source, String storeName, LogicalSchema schema)
      implements PlanStep {
    public TableSuppress {
      if (source.window().isEmpty()) {
        throw new IllegalArgumentException("EMIT FINAL needs a windowed aggregation");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableSuppress(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Groups a table's changes by {@code keys} for aggregation, through the repartition topic {@code
   * repartitionTopic} (always repartitioned: a table's key is never the grouping key's
   * partitioning). Each change carries the row's old value as well as its new one, so that the
   * aggregation can take the old row back out of its group: a change that moves a row to another
   * group becomes a retraction from the old group followed by an addition to the new one. A side
   * whose grouping key has a null column is dropped. Value columns are the source's.
   */
  record TableGroupBy(
      PlanStep source, List<Expr> keys, String repartitionTopic, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableGroupBy(this);
    }

    public TableGroupBy {
      keys = List.copyOf(keys);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    /** Its rows are changes to be grouped, several per grouping key, not one row per key. */
    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Aggregates a grouped table into a table: each change first undoes the old row's contribution,
   * then adds the new row's, so every aggregate call must support undo. A group whose rows are all
   * gone keeps its row (COUNT 0, as ksqlDB emits it). Emitted value as {@link StreamAggregate}
   * without windows; state lives in {@code storeName}.
   */
  record TableAggregate(
      PlanStep source, List<AggregateCall> aggregates, String storeName, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableAggregate(this);
    }

    public TableAggregate {
      aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Joins each stream row with the table row of the same key (the stream is keyed by the join
   * expression first). Emitted value: the stream's value then the table's value; for a LEFT join
   * the table's columns are null when no row matches. INNER drops unmatched rows.
   */
  record StreamTableJoin(PlanStep left, PlanStep right, JoinType type, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamTableJoin(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(left, right);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Joins two streams keyed alike (each side keyed by its join expression first): a row joins the
   * other side's rows of the same key whose times fall in {@code window}, and the result's time is
   * the later of the two. Emitted value: the left value then the right value; for outer joins
   * (LEFT, RIGHT, OUTER) the missing side's columns are null. Both sides' recent rows, and outer
   * rows still waiting for a match, live in the store {@code storeName}.
   */
  record StreamStreamJoin(
      PlanStep left,
      PlanStep right,
      JoinType type,
      JoinWindow window,
      String storeName,
      LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamStreamJoin(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(left, right);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Joins two tables on their primary keys (both are keyed alike, so each key's rows meet in one
   * task). Each change on either side updates the joined row of its key: emitted value is the left
   * value then the right value, with nulls for the side an outer join keeps without a match (LEFT
   * keeps left rows, RIGHT right rows, OUTER both); a key whose joined row disappears is deleted
   * downstream. Both sides' latest rows are kept in stores.
   */
  record TableTableJoin(PlanStep left, PlanStep right, JoinType type, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableTableJoin(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(left, right);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Moves a table's changes, keys unchanged, through the internal topic {@code repartitionTopic},
   * whose record keys are written in {@code keyFormat}: a table joined on its primary key with a
   * table keyed in another format is partitioned like it this way. The rows read back are kept
   * again in the store {@code storeName}, so each change still comes with its previous row.
   */
  record TableRepartition(
      PlanStep source,
      String repartitionTopic,
      FormatInfo keyFormat,
      String storeName,
      LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableRepartition(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Joins each left table row with the right table row whose primary key equals {@code foreignKey},
   * an expression over the left value. The result is keyed by the left key; its value is the left
   * value then the right value (nulls for a LEFT join without a match). A left row that changes its
   * foreign key is re-joined (INNER: deleted when it no longer matches), and a right row's change
   * updates every left row that references it. Type is INNER or LEFT.
   */
  record ForeignKeyTableJoin(
      PlanStep left, PlanStep right, Expr foreignKey, JoinType type, LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.foreignKeyTableJoin(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(left, right);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Writes the stream to {@code topic}: the key columns to the record key, the value columns to the
   * value. {@code timestampColumn}, when present, names the key or value column whose value becomes
   * each record's timestamp (BIGINT millis, TIMESTAMP, or STRING parsed with {@code
   * timestampFormat}); when absent (as in plans stored before sinks had it) each record keeps its
   * row's time.
   */
  record StreamSink(
      PlanStep source,
      String topic,
      Formats formats,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.streamSink(this);
    }

    public StreamSink {
      timestampColumn = SinkTimestamps.orEmpty(timestampColumn);
      timestampFormat = SinkTimestamps.orEmpty(timestampFormat);
    }

    /** A sink whose records keep their rows' time. */
    public StreamSink(PlanStep source, String topic, Formats formats, LogicalSchema schema) {
      this(source, topic, formats, Optional.empty(), Optional.empty(), schema);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return false;
    }
  }

  /**
   * Writes the table's changes to {@code topic}; a deleted row is written as a tombstone (null
   * value). The timestamp column and format work as in {@link StreamSink}.
   */
  record TableSink(
      PlanStep source,
      String topic,
      Formats formats,
      Optional<String> timestampColumn,
      Optional<String> timestampFormat,
      LogicalSchema schema)
      implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tableSink(this);
    }

    public TableSink {
      timestampColumn = SinkTimestamps.orEmpty(timestampColumn);
      timestampFormat = SinkTimestamps.orEmpty(timestampFormat);
    }

    /** A sink whose records keep their rows' time. */
    public TableSink(PlanStep source, String topic, Formats formats, LogicalSchema schema) {
      this(source, topic, formats, Optional.empty(), Optional.empty(), schema);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return true;
    }
  }

  /**
   * Delivers a transient (push) query's rows to the client that asked instead of writing them to a
   * topic. The value holds the result columns in SELECT order; the key passes through. For a table
   * input, a deleted row is delivered as a delete of its key.
   */
  record TransientSink(PlanStep source, LogicalSchema schema) implements PlanStep {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.transientSink(this);
    }

    @Override
    public List<PlanStep> sources() {
      return List.of(source);
    }

    @Override
    public boolean yieldsTable() {
      return source.yieldsTable();
    }
  }
}
