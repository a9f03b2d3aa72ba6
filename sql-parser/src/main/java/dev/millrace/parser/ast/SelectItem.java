package dev.millrace.parser.ast;

/** One entry of a SELECT list. */
public sealed interface SelectItem extends Node permits SingleColumn, AllColumns, AllStructFields {}
