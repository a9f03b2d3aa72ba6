/**
 * The immutable syntax tree of ksqlDB's SQL dialect: sealed {@link
 * dev.millrace.parser.ast.Statement} and {@link dev.millrace.parser.ast.Expression} hierarchies of
 * records. Identifiers are already normalised (upper-cased unless back-quoted). Every node keeps
 * its {@link dev.millrace.parser.ast.NodeLocation}, which equality ignores. Nothing here knows
 * about ANTLR.
 */
package dev.millrace.parser.ast;
