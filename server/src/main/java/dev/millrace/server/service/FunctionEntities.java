package dev.millrace.server.service;

import dev.millrace.engine.function.FunctionDescription;
import dev.millrace.server.api.ArgumentInfo;
import dev.millrace.server.api.FunctionDescriptionList;
import dev.millrace.server.api.FunctionInfo;
import dev.millrace.server.api.FunctionNameList;
import dev.millrace.server.api.SimpleFunctionInfo;
import java.util.List;

/**
 * The function registry's descriptions as the REST entities of SHOW FUNCTIONS and DESCRIBE
 * FUNCTION.
 */
final class FunctionEntities {
  private FunctionEntities() {}

  static FunctionNameList names(String text, List<FunctionDescription> functions) {
    return new FunctionNameList(
        text,
        functions.stream()
            .map(f -> new SimpleFunctionInfo(f.name(), f.kind().name(), f.category()))
            .toList(),
        List.of());
  }

  static FunctionDescriptionList describe(String text, FunctionDescription function) {
    List<FunctionInfo> variants =
        function.variants().stream()
            .map(v -> new FunctionInfo(arguments(v), v.returnType(), function.description()))
            .toList();
    return new FunctionDescriptionList(
        text,
        function.name(),
        function.description(),
        null,
        null,
        function.path(),
        variants,
        function.kind().name(),
        List.of());
  }

  private static List<ArgumentInfo> arguments(FunctionDescription.Variant variant) {
    return variant.parameters().stream()
        .map(p -> new ArgumentInfo(p.name(), p.type(), null, p.variadic()))
        .toList();
  }
}
