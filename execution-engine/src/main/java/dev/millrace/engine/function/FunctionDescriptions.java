package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link FunctionDescription}s of registered functions for listings. */
final class FunctionDescriptions {
  private FunctionDescriptions() {}

  static FunctionDescription scalar(ScalarFunction f, FunctionDescription.Kind kind) {
    List<FunctionDescription.Variant> variants = new ArrayList<>();
    for (ScalarOverload o : f.overloads()) {
      variants.add(
          new FunctionDescription.Variant(
              parameters(o.signature(), List.of()), o.signature().returnText()));
    }
    return new FunctionDescription(
        f.name(), kind, f.category(), f.description(), f.path(), variants);
  }

  static FunctionDescription aggregate(AggregateFunction f) {
    List<FunctionDescription.Variant> variants = new ArrayList<>();
    for (AggregateOverload o : f.overloads()) {
      variants.add(
          new FunctionDescription.Variant(
              parameters(o.signature(), o.initParameters()), o.signature().returnText()));
    }
    return new FunctionDescription(
        f.name(),
        FunctionDescription.Kind.AGGREGATE,
        f.category(),
        f.description(),
        f.path(),
        variants);
  }

  private static List<FunctionDescription.Parameter> parameters(
      Signature signature, List<SqlType> init) {
    List<FunctionDescription.Parameter> out = new ArrayList<>();
    List<TypePattern> params = signature.parameters();
    for (int i = 0; i < params.size(); i++) {
      boolean variadic = signature.variadic() && i == params.size() - 1;
      out.add(new FunctionDescription.Parameter("arg" + (i + 1), params.get(i).toSql(), variadic));
    }
    for (SqlType type : init) {
      out.add(new FunctionDescription.Parameter("arg" + (out.size() + 1), type.toSql(), false));
    }
    return out;
  }
}
