package dev.millrace.parser.ast;

/** A scalar expression. Handle with a {@code switch} over the permitted records. */
public sealed interface Expression extends Node
    permits Literal,
        ColumnRef,
        LambdaVariable,
        Dereference,
        Subscript,
        ArithmeticBinary,
        ArithmeticUnary,
        Concat,
        Comparison,
        Logical,
        Not,
        IsNull,
        Like,
        InList,
        Between,
        SearchedCase,
        SimpleCase,
        Cast,
        FunctionCall,
        Lambda,
        ArrayConstructor,
        MapConstructor,
        StructConstructor,
        IntervalUnit {}
