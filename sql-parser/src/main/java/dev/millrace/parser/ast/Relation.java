package dev.millrace.parser.ast;

/** The FROM clause: one source, or a left-deep chain of joins. */
public sealed interface Relation extends Node permits AliasedSource, Join {}
