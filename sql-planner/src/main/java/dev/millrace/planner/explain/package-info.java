/** EXPLAIN text: the logical (Calcite) plan and the physical (engine step) plan. */
package dev.millrace.planner.explain;
