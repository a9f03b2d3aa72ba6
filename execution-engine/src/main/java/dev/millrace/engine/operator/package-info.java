/**
 * Operators: the running form of a physical plan.
 *
 * <p>{@link dev.millrace.engine.operator.TopologyBuilder} turns a plan (a tree of {@link
 * dev.millrace.engine.plan.PlanStep}s rooted at a sink) into a {@link
 * dev.millrace.engine.operator.Topology} of {@link dev.millrace.engine.operator.SubTopology
 * sub-topologies}, split where a key changes (each re-keying step writes to a repartition topic
 * that the next sub-topology reads). A runtime runs one task per input partition of each
 * sub-topology: it asks the sub-topology for a new {@link dev.millrace.engine.operator.Pipeline},
 * gives it a {@link dev.millrace.engine.operator.TaskEnvironment} (restored stores, a record
 * sender, the processing log), and feeds it {@link dev.millrace.engine.operator.InputRecord}s one
 * at a time. Everything a record causes (outputs, repartition records, store writes, processing-log
 * entries) happens before {@code process} returns.
 *
 * <p>Each {@link dev.millrace.engine.operator.Operator} has the lifecycle init / process / close
 * and forwards {@link dev.millrace.engine.operator.Row}s to the next operator of its chain. Bad
 * records never stop a query: undecodable records are skipped, failing expressions give null, and
 * both are reported as {@link dev.millrace.engine.operator.ProcessingError}s.
 *
 * <p>State is kept in byte stores ({@link dev.millrace.engine.state.KeyValueStore}) in the engine's
 * internal {@link dev.millrace.engine.operator.RowCodec} encoding: a table source's store maps the
 * encoded key (and window) to the row's time and value; an aggregation's store maps the encoded
 * group key (and window) to the time and the accumulators. Pull queries read them through {@link
 * dev.millrace.engine.operator.MaterializedTable}.
 */
package dev.millrace.engine.operator;
