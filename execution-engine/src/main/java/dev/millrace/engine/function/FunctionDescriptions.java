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
              parameters(o.signature(), o.parameterNames(), List.of(), false),
              o.signature().returnText()));
    }
    return new FunctionDescription(
        f.name(), kind, f.category(), f.description(), f.path(), variants);
  }

  static FunctionDescription aggregate(AggregateFunction f) {
    List<FunctionDescription.Variant> variants = new ArrayList<>();
    for (AggregateOverload o : f.overloads()) {
      variants.add(
          new FunctionDescription.Variant(
              parameters(o.signature(), List.of(), o.initParameters(), o.initVariadic()),
              o.signature().returnText()));
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
      Signature signature, List<String> names, List<SqlType> init, boolean initVariadic) {
    List<FunctionDescription.Parameter> out = new ArrayList<>();
    List<TypePattern> params = signature.parameters();
    for (int i = 0; i < params.size(); i++) {
      boolean variadic = signature.variadic() && i == params.size() - 1;
      String name = names.isEmpty() ? "arg" + (i + 1) : names.get(i);
      out.add(new FunctionDescription.Parameter(name, params.get(i).toSql(), variadic));
    }
    for (int i = 0; i < init.size(); i++) {
      boolean variadic = initVariadic && i == init.size() - 1;
      out.add(
          new FunctionDescription.Parameter(
              "arg" + (out.size() + 1), init.get(i).toSql(), variadic));
    }
    return out;
  }
}
