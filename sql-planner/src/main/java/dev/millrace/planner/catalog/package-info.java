/** Immutable catalog snapshots: streams, tables, custom types and the queries using them. */
package dev.millrace.planner.catalog;
