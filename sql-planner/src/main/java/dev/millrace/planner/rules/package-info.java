/**
 * Rule-based rewrites run by Calcite's HepPlanner: Calcite's core rules and our own, one per class.
 */
package dev.millrace.planner.rules;
