package dev.millrace.parser.ast;

/**
 * {@code DECIMAL(precision, scale)}. Range checks belong to the planner, which names the column.
 */
public record DecimalType(int precision, int scale) implements DataType {}
