package dev.millrace.engine.function;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A function as SHOW FUNCTIONS and DESCRIBE FUNCTION present it: its kind, a category for grouping
 * (STRING, MATHEMATICAL...), where it comes from ({@code internal} or a jar), and its variants.
 */
public record FunctionDescription(
    String name,
    Kind kind,
    String category,
    String description,
    String path,
    List<Variant> variants) {

  /** The kinds of function, as ksqlDB lists them. */
  public enum Kind {
    SCALAR,
    AGGREGATE,
    TABLE
  }

  public FunctionDescription {
    variants = List.copyOf(variants);
  }

  /** One overload: its parameters and result type as SQL text. */
  public record Variant(List<Parameter> parameters, String returnType) {
    public Variant {
      parameters = List.copyOf(parameters);
    }

    /** The variant as a signature, e.g. {@code (STRING, INTEGER) => STRING}. */
    public String toSql() {
      return parameters.stream()
              .map(p -> p.type() + (p.variadic() ? "..." : ""))
              .collect(Collectors.joining(", ", "(", ")"))
          + " => "
          + returnType;
    }
  }

  /** One parameter of a variant; a variadic one takes any number of arguments. */
  public record Parameter(String name, String type, boolean variadic) {}

  /** Each variant as {@code NAME(params) => result}. */
  public List<String> signatures() {
    return variants.stream().map(v -> name + v.toSql()).toList();
  }
}
