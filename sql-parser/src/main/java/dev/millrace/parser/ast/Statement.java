package dev.millrace.parser.ast;

/**
 * One SQL statement of ksqlDB's dialect. Handle with a {@code switch} over the permitted records.
 */
public sealed interface Statement extends Node
    permits CreateSource,
        CreateAsSelect,
        AlterSource,
        InsertInto,
        InsertValues,
        Query,
        Show,
        DescribeSource,
        DescribeAll,
        DescribeFunction,
        ExplainQuery,
        ExplainStatement,
        ExplainAnalyze,
        DropSource,
        CreateType,
        DropType,
        Terminate,
        PauseResume,
        SetProperty,
        UnsetProperty,
        DefineVariable,
        UndefineVariable,
        RunScript,
        PrintTopic,
        AssertValues,
        AssertTombstone,
        AssertSource {}
