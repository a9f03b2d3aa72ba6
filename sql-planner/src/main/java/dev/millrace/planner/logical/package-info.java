/**
 * Logical plans built with Calcite's RelBuilder over a Calcite view of the catalog, with explicit
 * stream nodes ({@link dev.millrace.planner.logical.WindowedAggregate}, {@link
 * dev.millrace.planner.logical.PartitionBy}, {@link dev.millrace.planner.logical.Emit}, {@link
 * dev.millrace.planner.logical.Sink}).
 */
package dev.millrace.planner.logical;
