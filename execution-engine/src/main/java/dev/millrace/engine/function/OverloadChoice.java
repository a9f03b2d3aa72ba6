package dev.millrace.engine.function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the overload a call uses among those that accept its arguments, by ksqlDB's rules:
 *
 * <ol>
 *   <li>Only when no overload fits exactly (see {@link SignatureMatch#exact}) are those needing
 *       implicit conversions considered, and then all of them alike: how far a number widens does
 *       not rank them, so {@code GREATEST(int, bigint)} fits the BIGINT, DECIMAL and DOUBLE
 *       overloads equally.
 *   <li>Among the considered ones, an overload without variable arguments beats a variadic one;
 *       then the one declaring more parameters wins; then the one with fewer generic parameters.
 *   <li>Two overloads that none of these tells apart make the call ambiguous: an error asking for a
 *       CAST, never an arbitrary pick. A NULL literal fits every parameter, so a call of only NULLs
 *       is ambiguous whenever more than one overload takes that many arguments.
 * </ol>
 */
final class OverloadChoice {
  private static final Comparator<Signature> PREFERENCE =
      Comparator.comparing((Signature s) -> s.variadic())
          .thenComparing(s -> -s.parameters().size())
          .thenComparing(OverloadChoice::genericParameters);

  private OverloadChoice() {}

  /** One overload that accepts the call, with how it fits. */
  record Candidate<O>(O overload, Signature signature, SignatureMatch match) {}

  /**
   * The overload the call uses, empty when none accepts it; throws {@link FunctionException} when
   * the best two are tied. {@code shown} prints an overload for the error.
   */
  static <O> Optional<Candidate<O>> choose(
      String name,
      List<ArgumentType> arguments,
      List<Candidate<O>> accepting,
      Function<O, String> shown) {
    List<Candidate<O>> considered =
        new ArrayList<>(accepting.stream().filter(c -> c.match().exact()).toList());
    if (considered.isEmpty()) {
      considered.addAll(accepting);
    }
    considered.sort(Comparator.comparing(Candidate::signature, PREFERENCE));
    if (considered.size() > 1
        && PREFERENCE.compare(considered.get(0).signature(), considered.get(1).signature()) == 0) {
      throw ambiguous(name, arguments, considered, shown);
    }
    return considered.stream().findFirst();
  }

  /** How many parameters mention a type variable that may stand for any type. */
  private static int genericParameters(Signature signature) {
    return (int) signature.parameters().stream().filter(OverloadChoice::isGeneric).count();
  }

  private static boolean isGeneric(TypePattern pattern) {
    if (pattern instanceof TypePattern.Var var) {
      return var.kind() == TypePattern.Kind.ANY;
    }
    if (pattern instanceof TypePattern.ArrayOf array) {
      return isGeneric(array.element());
    }
    if (pattern instanceof TypePattern.MapOf map) {
      return isGeneric(map.key()) || isGeneric(map.value());
    }
    if (pattern instanceof TypePattern.Lambda lambda) {
      return isGeneric(lambda.result())
          || lambda.parameters().stream().anyMatch(OverloadChoice::isGeneric);
    }
    return false;
  }

  /** ksqlDB's wording, then the tied overloads to choose from with a CAST. */
  private static <O> FunctionException ambiguous(
      String name,
      List<ArgumentType> arguments,
      List<Candidate<O>> considered,
      Function<O, String> shown) {
    Signature best = considered.get(0).signature();
    String tied =
        considered.stream()
            .filter(c -> PREFERENCE.compare(c.signature(), best) == 0)
            .map(c -> shown.apply(c.overload()))
            .collect(Collectors.joining(", "));
    return new FunctionException(
        "Function '"
            + name.toLowerCase(Locale.ROOT)
            + "' cannot be resolved due to ambiguous method parameters "
            + arguments.stream()
                .map(OverloadChoice::describe)
                .collect(Collectors.joining(", ", "(", ")"))
            + ". Use CAST() to explicitly cast your parameters to one of the supported function"
            + " calls: "
            + tied);
  }

  private static String describe(ArgumentType argument) {
    return argument instanceof ArgumentType.Value value && value.type() == null
        ? "null"
        : FunctionRegistry.describe(argument);
  }
}
