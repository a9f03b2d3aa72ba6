package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The function library: every scalar and aggregate function Millrace knows, by upper-case name. The
 * planner types calls with {@link #resolveScalar} and {@link #resolveAggregate}; the engine
 * resolves the same names again to run them. Immutable; made by a {@link Builder}.
 */
public final class FunctionRegistry {
  private static final FunctionRegistry BUILT_INS = BuiltInFunctions.register(builder()).build();

  private final Map<String, ScalarFunction> scalars;
  private final Map<String, AggregateFunction> aggregates;
  private final Map<String, ScalarFunction> tables;

  private FunctionRegistry(
      Map<String, ScalarFunction> scalars,
      Map<String, AggregateFunction> aggregates,
      Map<String, ScalarFunction> tables) {
    this.scalars = Map.copyOf(scalars);
    this.aggregates = Map.copyOf(aggregates);
    this.tables = Map.copyOf(tables);
  }

  /** The built-in functions. */
  public static FunctionRegistry builtIns() {
    return BUILT_INS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this registry's functions, to add more (e.g. user functions). */
  public Builder toBuilder() {
    Builder builder = new Builder();
    scalars
        .values()
        .forEach(
            f ->
                builder
                    .from(f.category(), f.path())
                    .scalar(f.name(), f.description())
                    .addAll(f.overloads()));
    aggregates
        .values()
        .forEach(
            f ->
                builder
                    .from(f.category(), f.path())
                    .aggregate(f.name(), f.description())
                    .addAll(f.overloads()));
    tables
        .values()
        .forEach(
            f ->
                builder
                    .from(f.category(), f.path())
                    .tableFunction(f.name(), f.description())
                    .addAll(f.overloads()));
    return builder.from(Builder.OTHER, Builder.INTERNAL);
  }

  public boolean isAggregate(String name) {
    return aggregates.containsKey(normalize(name));
  }

  public boolean isScalar(String name) {
    return scalars.containsKey(normalize(name));
  }

  /** Whether the name is a table function (one row in, any number of rows out, e.g. EXPLODE). */
  public boolean isTableFunction(String name) {
    return tables.containsKey(normalize(name));
  }

  /** Resolves a call of a scalar function whose arguments are all values. */
  public ResolvedScalar resolveScalar(String name, List<SqlType> argTypes) {
    return resolveScalarCall(
        name, argTypes.stream().map(t -> (ArgumentType) new ArgumentType.Value(t)).toList());
  }

  /**
   * Resolves a call of a scalar function to the overload ksqlDB's rules choose (see {@link
   * OverloadChoice}), or throws {@link FunctionException} naming the closest functions, the
   * accepted signatures, or the tied ones of an ambiguous call.
   */
  public ResolvedScalar resolveScalarCall(String name, List<ArgumentType> arguments) {
    return resolve(scalars, name, arguments);
  }

  /**
   * Resolves a call of a table function. The result type is that of each produced value; the
   * implementation returns a {@link List} of them (empty for none).
   */
  public ResolvedScalar resolveTableFunction(String name, List<ArgumentType> arguments) {
    return resolve(tables, name, arguments);
  }

  private ResolvedScalar resolve(
      Map<String, ScalarFunction> functions, String name, List<ArgumentType> arguments) {
    String key = normalize(name);
    ScalarFunction function = functions.get(key);
    if (function == null) {
      throw wrongKindOrUnknown(key, functions == tables ? "a table function" : "a scalar function");
    }
    List<OverloadChoice.Candidate<ScalarOverload>> accepting = new ArrayList<>();
    for (ScalarOverload overload : function.overloads()) {
      SignatureMatch.of(overload.signature(), arguments)
          .ifPresent(
              m ->
                  accepting.add(new OverloadChoice.Candidate<>(overload, overload.signature(), m)));
    }
    OverloadChoice.Candidate<ScalarOverload> chosen =
        OverloadChoice.choose(key, arguments, accepting, o -> key + o.signature().toSql())
            .orElseThrow(
                () ->
                    noOverload(
                        key,
                        arguments,
                        function.overloads().stream().map(o -> key + o.signature().toSql())));
    SignatureMatch match = chosen.match();
    return new ResolvedScalar(key, match.parameterTypes(), match.returnType(), chosen.overload());
  }

  /**
   * Resolves an aggregate call whose split is known: {@code argTypes} are the per-row arguments,
   * {@code initArgs} the values of the literal arguments that follow them (e.g. TOPK(col, 3) has
   * argTypes [col's type] and initArgs [3]), as a stored plan gives them.
   */
  public ResolvedAggregate resolveAggregate(
      String name, List<SqlType> argTypes, List<Object> initArgs) {
    return resolveAggregate(name, argTypes, initArgs, Map.of());
  }

  /**
   * As {@link #resolveAggregate(String, List, List)}, with the function's settings for the query
   * (see {@link AggregatorFactory#create(List, List, Map)}).
   */
  public ResolvedAggregate resolveAggregate(
      String name, List<SqlType> argTypes, List<Object> initArgs, Map<String, String> settings) {
    return AggregateResolver.resolve(
        aggregate(name), AggregateResolver.split(argTypes, initArgs), argTypes.size(), settings);
  }

  /**
   * Resolves an aggregate call as written: the chosen overload decides which trailing literals are
   * initial arguments; the result's parameter types are those of the per-row arguments, which come
   * first.
   */
  public ResolvedAggregate resolveAggregateCall(String name, List<AggregateArgument> arguments) {
    return AggregateResolver.resolve(aggregate(name), arguments, -1, Map.of());
  }

  private AggregateFunction aggregate(String name) {
    String key = normalize(name);
    AggregateFunction function = aggregates.get(key);
    if (function == null) {
      throw wrongKindOrUnknown(key, "an aggregate function");
    }
    return function;
  }

  /** Every function, sorted by name, as SHOW FUNCTIONS lists them. */
  public List<FunctionDescription> list() {
    return Stream.of(scalars, aggregates, tables)
        .flatMap(m -> m.keySet().stream())
        .sorted()
        .map(n -> describe(n).orElseThrow())
        .toList();
  }

  /** A function's description and signatures, as DESCRIBE FUNCTION shows them. */
  public Optional<FunctionDescription> describe(String name) {
    String key = normalize(name);
    ScalarFunction scalar = scalars.get(key);
    if (scalar != null) {
      return Optional.of(FunctionDescriptions.scalar(scalar, FunctionDescription.Kind.SCALAR));
    }
    AggregateFunction aggregate = aggregates.get(key);
    if (aggregate != null) {
      return Optional.of(FunctionDescriptions.aggregate(aggregate));
    }
    return Optional.ofNullable(tables.get(key))
        .map(t -> FunctionDescriptions.scalar(t, FunctionDescription.Kind.TABLE));
  }

  /** The error for a name that is not a function of the wanted kind: another kind, or unknown. */
  private FunctionException wrongKindOrUnknown(String name, String wanted) {
    String kind =
        scalars.containsKey(name)
            ? "a scalar function"
            : aggregates.containsKey(name)
                ? "an aggregate function"
                : tables.containsKey(name) ? "a table function" : null;
    return kind == null
        ? unknown(name)
        : new FunctionException(name + " is " + kind + ", not " + wanted);
  }

  private FunctionException unknown(String name) {
    List<String> close =
        Stream.of(scalars, aggregates, tables)
            .flatMap(m -> m.keySet().stream())
            .filter(candidate -> Names.distance(name, candidate) <= Math.max(1, name.length() / 3))
            .sorted(
                Comparator.comparingInt((String c) -> Names.distance(name, c))
                    .thenComparing(c -> c))
            .limit(3)
            .toList();
    String hint = close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    return new FunctionException("Unknown function " + name + hint);
  }

  static FunctionException noOverload(
      String name, List<ArgumentType> arguments, Stream<String> accepted) {
    String given =
        arguments.stream()
            .map(FunctionRegistry::describe)
            .collect(Collectors.joining(", ", "(", ")"));
    return new FunctionException(
        "No overload of "
            + name
            + " accepts "
            + given
            + "; accepted: "
            + accepted.collect(Collectors.joining(", ")));
  }

  static String describe(ArgumentType argument) {
    if (argument instanceof ArgumentType.Lambda lambda) {
      return "LAMBDA/" + lambda.arity();
    }
    SqlType type = ((ArgumentType.Value) argument).type();
    return type == null ? "NULL" : type.toSql();
  }

  private static String normalize(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /** Collects functions; adding overloads to an existing name extends that function. */
  public static final class Builder {
    private final Map<String, ScalarBuilder> scalars = new TreeMap<>();
    private final Map<String, AggregateBuilder> aggregates = new TreeMap<>();
    private final Map<String, ScalarBuilder> tables = new TreeMap<>();
    private String category = OTHER;
    private String path = INTERNAL;

    /** The path of built-in functions. */
    public static final String INTERNAL = "internal";

    /** The category of functions registered without one. */
    public static final String OTHER = "OTHER";

    private Builder() {}

    /**
     * Functions started from now on are listed under {@code category} and come from {@code path}.
     */
    public Builder from(String category, String path) {
      this.category = category;
      this.path = path;
      return this;
    }

    /** Functions started from now on are built-ins listed under {@code category}. */
    public Builder category(String category) {
      return from(category, INTERNAL);
    }

    /** Starts (or continues) a scalar function. */
    public ScalarBuilder scalar(String name, String description) {
      String key = unique(name, scalars);
      return scalars.computeIfAbsent(key, k -> new ScalarBuilder(k, description, category, path));
    }

    /** Starts (or continues) an aggregate function. */
    public AggregateBuilder aggregate(String name, String description) {
      String key = unique(name, aggregates);
      return aggregates.computeIfAbsent(
          key, k -> new AggregateBuilder(k, description, category, path));
    }

    /**
     * Starts (or continues) a table function; its implementations return a List of result values.
     */
    public ScalarBuilder tableFunction(String name, String description) {
      String key = unique(name, tables);
      return tables.computeIfAbsent(key, k -> new ScalarBuilder(k, description, category, path));
    }

    private String unique(String name, Map<String, ?> kind) {
      String key = normalize(name);
      if (!kind.containsKey(key)
          && (scalars.containsKey(key) || aggregates.containsKey(key) || tables.containsKey(key))) {
        throw new IllegalArgumentException(key + " is already a function of another kind");
      }
      return key;
    }

    public FunctionRegistry build() {
      Map<String, ScalarFunction> s = new LinkedHashMap<>();
      scalars.forEach(
          (k, b) ->
              s.put(k, new ScalarFunction(k, b.description, b.category, b.path, b.overloads)));
      Map<String, AggregateFunction> a = new LinkedHashMap<>();
      aggregates.forEach(
          (k, b) ->
              a.put(k, new AggregateFunction(k, b.description, b.category, b.path, b.overloads)));
      Map<String, ScalarFunction> t = new LinkedHashMap<>();
      tables.forEach(
          (k, b) ->
              t.put(k, new ScalarFunction(k, b.description, b.category, b.path, b.overloads)));
      return new FunctionRegistry(s, a, t);
    }
  }

  /** Adds overloads to one scalar function. */
  public static final class ScalarBuilder {
    private final String name;
    private final String description;
    private final String category;
    private final String path;
    private final List<ScalarOverload> overloads = new ArrayList<>();

    private ScalarBuilder(String name, String description, String category, String path) {
      this.name = name;
      this.description = description;
      this.category = category;
      this.path = path;
    }

    /** An overload returning null when any argument is null. */
    public ScalarBuilder add(Signature signature, ScalarImplementation implementation) {
      return add(new ScalarOverload(signature, true, (p, r) -> implementation));
    }

    /** An overload that handles null arguments itself. */
    public ScalarBuilder addNullable(Signature signature, ScalarImplementation implementation) {
      return add(new ScalarOverload(signature, false, (p, r) -> implementation));
    }

    /** An overload whose implementation depends on the call's concrete types. */
    public ScalarBuilder addTyped(
        Signature signature, boolean nullOnNullInput, ImplementationFactory factory) {
      return add(new ScalarOverload(signature, nullOnNullInput, factory));
    }

    public ScalarBuilder add(ScalarOverload overload) {
      overloads.add(overload);
      return this;
    }

    ScalarBuilder addAll(List<ScalarOverload> more) {
      overloads.addAll(more);
      return this;
    }

    public String name() {
      return name;
    }
  }

  /** Adds overloads to one aggregate function. */
  public static final class AggregateBuilder {
    private final String name;
    private final String description;
    private final String category;
    private final String path;
    private final List<AggregateOverload> overloads = new ArrayList<>();

    private AggregateBuilder(String name, String description, String category, String path) {
      this.name = name;
      this.description = description;
      this.category = category;
      this.path = path;
    }

    public AggregateBuilder add(Signature signature, AggregatorFactory factory) {
      return add(new AggregateOverload(signature, List.of(), false, factory));
    }

    public AggregateBuilder add(
        Signature signature, List<SqlType> initParameters, AggregatorFactory factory) {
      return add(new AggregateOverload(signature, initParameters, false, factory));
    }

    public AggregateBuilder add(AggregateOverload overload) {
      overloads.add(overload);
      return this;
    }

    AggregateBuilder addAll(List<AggregateOverload> more) {
      overloads.addAll(more);
      return this;
    }

    public String name() {
      return name;
    }
  }
}
