package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the overload of an aggregate function for a call. Each overload splits the call's arguments
 * its own way into per-row arguments and trailing initial ones (a variadic column or variadic
 * initial arguments move the split); the initial ones must be literals that fit, the per-row ones
 * must fit the signature, and {@link OverloadChoice} picks among the overloads that fit, as for
 * scalar functions.
 */
final class AggregateResolver {
  private AggregateResolver() {}

  /**
   * Resolves the call; {@code rowCount} fixes how many arguments are per-row (as a stored plan
   * says), or is -1 to let each overload decide; {@code settings} are the function's settings for
   * the query.
   */
  static ResolvedAggregate resolve(
      AggregateFunction function,
      List<AggregateArgument> arguments,
      int rowCount,
      Map<String, String> settings) {
    List<OverloadChoice.Candidate<AggregateOverload>> accepting = new ArrayList<>();
    int notLiteral = -1;
    for (AggregateOverload overload : function.overloads()) {
      int rows = overload.rowArgumentCount(arguments.size());
      if (rows < 0 || (rowCount >= 0 && rows != rowCount)) {
        continue;
      }
      List<AggregateArgument> init = arguments.subList(rows, arguments.size());
      int firstExpression = firstExpression(init);
      if (firstExpression >= 0) {
        // Blame the expression only when the call would fit were it a literal of its type.
        if (notLiteral < 0
            && InitArguments.fitTypes(
                overload.initParameters(), overload.initVariadic(), types(init))
            && SignatureMatch.of(overload.signature(), argumentTypes(arguments.subList(0, rows)))
                .isPresent()) {
          notLiteral = rows + firstExpression;
        }
        continue;
      }
      if (!InitArguments.fit(overload.initParameters(), overload.initVariadic(), values(init))) {
        continue;
      }
      SignatureMatch.of(overload.signature(), argumentTypes(arguments.subList(0, rows)))
          .ifPresent(
              m ->
                  accepting.add(new OverloadChoice.Candidate<>(overload, overload.signature(), m)));
    }
    String name = function.name();
    Optional<OverloadChoice.Candidate<AggregateOverload>> chosen =
        OverloadChoice.choose(name, argumentTypes(arguments), accepting, o -> name + o.toSql());
    if (chosen.isEmpty() && notLiteral >= 0) {
      throw new NotLiteralArgument(name, notLiteral);
    }
    if (chosen.isEmpty()) {
      throw FunctionRegistry.noOverload(
          name, argumentTypes(arguments), function.overloads().stream().map(o -> name + o.toSql()));
    }
    AggregateOverload best = chosen.get().overload();
    SignatureMatch bestMatch = chosen.get().match();
    int rows = bestMatch.parameterTypes().size();
    List<Object> init =
        InitArguments.convert(
            best.initParameters(), values(arguments.subList(rows, arguments.size())));
    Aggregator aggregator = best.factory().create(bestMatch.parameterTypes(), init, settings);
    return new ResolvedAggregate(name, bestMatch.parameterTypes(), aggregator);
  }

  private static int firstExpression(List<AggregateArgument> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      if (!arguments.get(i).literal()) {
        return i;
      }
    }
    return -1;
  }

  private static List<ArgumentType> argumentTypes(List<AggregateArgument> arguments) {
    return arguments.stream().map(a -> ArgumentType.of(a.type())).toList();
  }

  private static List<SqlType> types(List<AggregateArgument> arguments) {
    return arguments.stream().map(AggregateArgument::type).toList();
  }

  private static List<Object> values(List<AggregateArgument> arguments) {
    return arguments.stream().map(AggregateArgument::value).toList();
  }

  /** The arguments of a call whose split is known: per-row types, then initial values. */
  static List<AggregateArgument> split(List<SqlType> rowTypes, List<Object> initValues) {
    List<AggregateArgument> arguments = new ArrayList<>();
    rowTypes.forEach(t -> arguments.add(AggregateArgument.expression(t)));
    initValues.forEach(v -> arguments.add(AggregateArgument.literal(InitArguments.typeOf(v), v)));
    return arguments;
  }
}
