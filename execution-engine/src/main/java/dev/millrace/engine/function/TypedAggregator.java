package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;

/** Base for aggregators: holds the accumulator and result types. */
abstract class TypedAggregator implements Aggregator {
  private final SqlType accumulatorType;
  private final SqlType returnType;

  TypedAggregator(SqlType accumulatorType, SqlType returnType) {
    this.accumulatorType = accumulatorType;
    this.returnType = returnType;
  }

  @Override
  public SqlType accumulatorType() {
    return accumulatorType;
  }

  @Override
  public SqlType returnType() {
    return returnType;
  }
}
