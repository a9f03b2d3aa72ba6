/**
 * The SQL planner: {@link dev.millrace.planner.Planner} turns a parsed statement and a catalog
 * snapshot into a {@link dev.millrace.planner.PlannedStatement} — a catalog change, a physical plan
 * of engine steps, or a row to insert. Errors are {@link dev.millrace.planner.PlanningException}s
 * reading {@code line L:C: message}.
 */
package dev.millrace.planner;
