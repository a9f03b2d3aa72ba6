package dev.millrace.parser.ast;

/**
 * A SQL type as written in a column list, CAST or CREATE TYPE. Types carry no location of their
 * own: errors about them are reported at the enclosing column or expression.
 */
public sealed interface DataType
    permits PrimitiveType, DecimalType, ArrayType, MapType, StructType, CustomType {}
