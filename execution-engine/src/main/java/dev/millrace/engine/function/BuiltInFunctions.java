package dev.millrace.engine.function;

/** Registers every built-in function; each family lives in its own class. */
final class BuiltInFunctions {
  private BuiltInFunctions() {}

  static FunctionRegistry.Builder register(FunctionRegistry.Builder builder) {
    StringFunctions.register(builder);
    NumericFunctions.register(builder);
    RoundingFunctions.register(builder);
    NullFunctions.register(builder);
    ComparisonFunctions.register(builder);
    CollectionFunctions.register(builder);
    LambdaFunctions.register(builder);
    JsonFunctions.register(builder);
    DateTimeFunctions.register(builder);
    RegexFunctions.register(builder);
    EncodingFunctions.register(builder);
    UrlFunctions.register(builder);
    MiscFunctions.register(builder);
    TableFunctions.register(builder);
    BuiltInAggregates.register(builder);
    return builder;
  }
}
