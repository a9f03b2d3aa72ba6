/**
 * Name resolution and typing: scopes of visible columns, AST expressions typed into Calcite
 * RexNodes by ksqlDB's rules (functions typed by the engine's function registry), aggregate
 * collection, and the checks of WITH clauses and formats.
 */
package dev.millrace.planner.analysis;
