package dev.millrace.planner.analysis;

import dev.millrace.engine.function.ArgumentType;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.Lambda;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;

/**
 * A lambda passed to a function. Its body can only be typed once overload resolution proposes
 * parameter types, so it is analysed on demand for each proposal; the typing the chosen overload
 * used is kept to build the lambda.
 */
final class LambdaArgument {
  private final Lambda lambda;
  private final ExpressionScope scope;
  private final ExpressionAnalyzer analyzer;
  private final Map<List<SqlType>, RexNode> bodies = new LinkedHashMap<>();

  LambdaArgument(Lambda lambda, ExpressionScope scope, ExpressionAnalyzer analyzer) {
    this.lambda = lambda;
    this.scope = scope;
    this.analyzer = analyzer;
  }

  ArgumentType argumentType() {
    return new ArgumentType.Lambda(lambda.parameters().size(), this::bodyType);
  }

  private SqlType bodyType(List<SqlType> parameterTypes) {
    return analyzer.typeOf(bodies.computeIfAbsent(List.copyOf(parameterTypes), this::body));
  }

  private RexNode body(List<SqlType> parameterTypes) {
    return analyzer.analyze(lambda.body(), new LambdaScope(scope, refs(parameterTypes)));
  }

  private Map<String, RexLambdaRef> refs(List<SqlType> parameterTypes) {
    Map<String, RexLambdaRef> refs = new LinkedHashMap<>();
    for (int i = 0; i < parameterTypes.size(); i++) {
      refs.put(
          lambda.parameters().get(i),
          new RexLambdaRef(
              i, lambda.parameters().get(i), analyzer.types().toRel(parameterTypes.get(i))));
    }
    return refs;
  }

  /**
   * The lambda as typed for the overload whose body type is {@code bodyType} (the last such
   * typing).
   */
  RexNode build(SqlType bodyType) {
    List<SqlType> chosen = null;
    for (Map.Entry<List<SqlType>, RexNode> entry : bodies.entrySet()) {
      if (bodyType.equals(analyzer.typeOf(entry.getValue()))) {
        chosen = entry.getKey();
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("the registry chose a lambda typing it never asked for");
    }
    return analyzer
        .rexBuilder()
        .makeLambdaCall(bodies.get(chosen), new ArrayList<>(refs(chosen).values()));
  }
}
