package dev.millrace.engine.expr;

import dev.millrace.engine.function.ArgumentType;
import dev.millrace.engine.function.FunctionException;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.function.ImplicitCasts;
import dev.millrace.engine.function.ResolvedScalar;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compiles the typed expression IR into a tree of small closures, each chosen once for its operand
 * types, so evaluating a row does no type dispatch. Operands of different types are brought to a
 * common type with the implicit widening of {@link ImplicitCasts}.
 *
 * <p>Compilation fails with {@link IllegalArgumentException} for IR the planner should never
 * produce (unknown lambda variables, invalid casts, comparisons of unorderable types).
 */
public final class ExpressionCompiler {
  private static final Object[] NO_VARIABLES = new Object[0];

  private final FunctionRegistry functions;
  private final Consumer<EvaluationException> functionErrors;

  /** A compiler whose function failures become null silently. */
  public ExpressionCompiler(FunctionRegistry functions) {
    this(functions, e -> {});
  }

  /** A compiler reporting each function failure (which yields null) to {@code functionErrors}. */
  public ExpressionCompiler(
      FunctionRegistry functions, Consumer<EvaluationException> functionErrors) {
    this.functions = functions;
    this.functionErrors = functionErrors;
  }

  public CompiledExpression compile(Expr expr) {
    Eval eval = compile(expr, LambdaScope.EMPTY);
    return values -> eval.eval(values, NO_VARIABLES);
  }

  /**
   * Compiles a call of a table function (e.g. EXPLODE): evaluates to the {@link java.util.List} of
   * values it produces for a row, empty when an argument is null or the function fails.
   */
  public CompiledExpression compileTableFunction(Expr.FunctionCall call) {
    Eval eval = function(call, LambdaScope.EMPTY, true);
    return values -> {
      Object rows = eval.eval(values, NO_VARIABLES);
      return rows == null ? List.of() : rows;
    };
  }

  /** Compiles a predicate: true only when the expression is true (null and false reject). */
  public java.util.function.Predicate<Object[]> compilePredicate(Expr expr) {
    Eval eval = compile(expr, LambdaScope.EMPTY);
    return values -> Boolean.TRUE.equals(eval.eval(values, NO_VARIABLES));
  }

  private Eval compile(Expr expr, LambdaScope scope) {
    if (expr instanceof Expr.Literal literal) {
      Object value = literal.value();
      return (row, vars) -> value;
    }
    if (expr instanceof Expr.ColumnRef column) {
      int index = column.index();
      return (row, vars) -> row[index];
    }
    if (expr instanceof Expr.LambdaVariable variable) {
      int slot = scope.slot(variable.name());
      return (row, vars) -> vars[slot];
    }
    if (expr instanceof Expr.Operation operation) {
      return operation(operation, scope);
    }
    if (expr instanceof Expr.FunctionCall call) {
      return function(call, scope, false);
    }
    if (expr instanceof Expr.Cast cast) {
      return convert(compile(cast.operand(), scope), cast.operand().type(), cast.type());
    }
    if (expr instanceof Expr.Case caseExpr) {
      return caseWhen(caseExpr, scope);
    }
    if (expr instanceof Expr.FieldAccess access) {
      if (!(access.struct().type() instanceof SqlType.Struct struct)) {
        throw new IllegalArgumentException(
            "-> needs a STRUCT, not " + access.struct().type().toSql());
      }
      return Structures.field(struct, access.field(), compile(access.struct(), scope));
    }
    if (expr instanceof Expr.ArrayOf array) {
      SqlType element = ((SqlType.Array) array.type()).element();
      return Structures.array(compileAll(array.elements(), element, scope));
    }
    if (expr instanceof Expr.MapOf map) {
      SqlType.Map type = (SqlType.Map) map.type();
      return Structures.map(
          compileAll(map.keys(), type.key(), scope), compileAll(map.values(), type.value(), scope));
    }
    if (expr instanceof Expr.StructOf struct) {
      Eval[] values = new Eval[struct.values().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = compileAs(struct.values().get(i), struct.type().fields().get(i).type(), scope);
      }
      return Structures.struct(struct.type(), values);
    }
    throw new IllegalArgumentException("A lambda can only be an argument of a function");
  }

  private Eval operation(Expr.Operation operation, LambdaScope scope) {
    List<Expr> operands = operation.operands();
    Operator op = operation.operator();
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS -> arithmetic(operation, scope);
      case CONCAT ->
          Arithmetic.binary(
              Operator.ADD,
              SqlType.STRING,
              compileAs(operands.get(0), SqlType.STRING, scope),
              compileAs(operands.get(1), SqlType.STRING, scope));
      case NEGATE ->
          Arithmetic.negate(operation.type(), compileAs(operands.get(0), operation.type(), scope));
      case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        SqlType common = commonType(operands);
        yield Predicates.compare(
            op,
            common,
            compileAs(operands.get(0), common, scope),
            compileAs(operands.get(1), common, scope));
      }
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
        SqlType common = commonType(operands);
        yield Predicates.distinct(
            op == Operator.IS_DISTINCT_FROM,
            common,
            compileAs(operands.get(0), common, scope),
            compileAs(operands.get(1), common, scope));
      }
      case AND -> Predicates.and(compile(operands.get(0), scope), compile(operands.get(1), scope));
      case OR -> Predicates.or(compile(operands.get(0), scope), compile(operands.get(1), scope));
      case NOT -> Predicates.not(compile(operands.get(0), scope));
      case IS_NULL -> Predicates.isNull(compile(operands.get(0), scope), true);
      case IS_NOT_NULL -> Predicates.isNull(compile(operands.get(0), scope), false);
      case LIKE ->
          Like.compile(
              operands.stream().map(o -> compileAs(o, SqlType.STRING, scope)).toList(), operands);
      case IN -> {
        SqlType common = commonType(operands);
        List<Eval> candidates = new ArrayList<>();
        operands
            .subList(1, operands.size())
            .forEach(o -> candidates.add(compileAs(o, common, scope)));
        yield Predicates.in(common, compileAs(operands.get(0), common, scope), candidates);
      }
      case BETWEEN -> {
        SqlType common = commonType(operands);
        yield Predicates.between(
            common,
            compileAs(operands.get(0), common, scope),
            compileAs(operands.get(1), common, scope),
            compileAs(operands.get(2), common, scope));
      }
      case SUBSCRIPT -> subscript(operands, scope);
    };
  }

  private Eval arithmetic(Expr.Operation operation, LambdaScope scope) {
    SqlType type = operation.type();
    Expr left = operation.operands().get(0);
    Expr right = operation.operands().get(1);
    boolean inLambda = scope.size() > 0;
    if (type instanceof SqlType.Decimal) {
      // DECIMAL operands keep their own precision: the exact result is rounded to the result type.
      return Arithmetic.binary(
          operation.operator(),
          type,
          compileAs(left, decimalOperand(left.type()), scope),
          compileAs(right, decimalOperand(right.type()), scope),
          inLambda);
    }
    return Arithmetic.binary(
        operation.operator(),
        type,
        compileAs(left, type, scope),
        compileAs(right, type, scope),
        inLambda);
  }

  private static SqlType decimalOperand(SqlType type) {
    return type.base() == SqlType.Base.DOUBLE ? type : ImplicitCasts.asDecimal(type);
  }

  private Eval subscript(List<Expr> operands, LambdaScope scope) {
    SqlType container = operands.get(0).type();
    SqlType indexType = container instanceof SqlType.Map m ? m.key() : SqlType.INTEGER;
    return Structures.subscript(
        container, compile(operands.get(0), scope), compileAs(operands.get(1), indexType, scope));
  }

  private Eval caseWhen(Expr.Case caseExpr, LambdaScope scope) {
    int n = caseExpr.whens().size();
    Eval[] conditions = new Eval[n];
    Eval[] results = new Eval[n];
    for (int i = 0; i < n; i++) {
      conditions[i] = compile(caseExpr.whens().get(i).condition(), scope);
      results[i] = compileAs(caseExpr.whens().get(i).result(), caseExpr.type(), scope);
    }
    Eval otherwise =
        caseExpr.otherwise() == null
            ? (row, vars) -> null
            : compileAs(caseExpr.otherwise(), caseExpr.type(), scope);
    return (row, vars) -> {
      for (int i = 0; i < n; i++) {
        if (Boolean.TRUE.equals(conditions[i].eval(row, vars))) {
          return results[i].eval(row, vars);
        }
      }
      return otherwise.eval(row, vars);
    };
  }

  private Eval function(Expr.FunctionCall call, LambdaScope scope, boolean table) {
    List<ArgumentType> argumentTypes = new ArrayList<>();
    for (Expr arg : call.arguments()) {
      argumentTypes.add(
          arg instanceof Expr.Lambda lambda
              ? new ArgumentType.Lambda(lambda.parameters().size(), p -> lambda.body().type())
              : new ArgumentType.Value(arg.type()));
    }
    ResolvedScalar resolved;
    try {
      resolved =
          table
              ? functions.resolveTableFunction(call.name(), argumentTypes)
              : functions.resolveScalarCall(call.name(), argumentTypes);
    } catch (FunctionException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Eval[] args = new Eval[call.arguments().size()];
    boolean[] lambdas = new boolean[args.length];
    for (int i = 0; i < args.length; i++) {
      Expr arg = call.arguments().get(i);
      if (arg instanceof Expr.Lambda lambda) {
        LambdaScope inner = scope.enter(lambda.parameters());
        args[i] = FunctionCalls.lambda(compile(lambda.body(), inner), scope.size(), inner.size());
        lambdas[i] = true;
      } else {
        args[i] = compileAs(arg, resolved.parameterTypes().get(i), scope);
      }
    }
    Eval result = FunctionCalls.call(resolved, args, lambdas, functionErrors);
    // The planner may have typed the call differently (e.g. another DECIMAL scale): bring the
    // value to the declared type so rows always hold their columns' types.
    boolean sameType =
        table
            || call.type() == null
            || call.type().equals(resolved.returnType())
            || !Casts.canCast(resolved.returnType(), call.type());
    return sameType ? result : convert(result, resolved.returnType(), call.type());
  }

  private Eval[] compileAll(List<Expr> exprs, SqlType type, LambdaScope scope) {
    return exprs.stream().map(e -> compileAs(e, type, scope)).toArray(Eval[]::new);
  }

  /** Compiles an expression and converts its value to {@code type} when its own type differs. */
  private Eval compileAs(Expr expr, SqlType type, LambdaScope scope) {
    return convert(compile(expr, scope), expr.type(), type);
  }

  private static Eval convert(Eval eval, SqlType from, SqlType to) {
    if (from.equals(to)) {
      return eval;
    }
    Converter converter = Casts.converter(from, to);
    return (row, vars) -> {
      Object value = eval.eval(row, vars);
      return value == null ? null : converter.convert(value);
    };
  }

  /**
   * The type operands are compared in: their common type, where a STRING compared with a DATE, TIME
   * or TIMESTAMP is read as one (ksqlDB compares temporal columns with ISO text).
   */
  private static SqlType commonType(List<Expr> operands) {
    SqlType common = operands.get(0).type();
    for (Expr operand : operands.subList(1, operands.size())) {
      SqlType next = operand.type();
      SqlType current = common;
      common =
          ImplicitCasts.commonType(common, next)
              .or(() -> temporalWithText(current, next))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Cannot compare "
                              + operands.get(0).type().toSql()
                              + " with "
                              + next.toSql()));
    }
    return common;
  }

  private static java.util.Optional<SqlType> temporalWithText(SqlType a, SqlType b) {
    if (isTemporal(a) && b.base() == SqlType.Base.STRING) {
      return java.util.Optional.of(a);
    }
    return isTemporal(b) && a.base() == SqlType.Base.STRING
        ? java.util.Optional.of(b)
        : java.util.Optional.empty();
  }

  private static boolean isTemporal(SqlType type) {
    return switch (type.base()) {
      case DATE, TIME, TIMESTAMP -> true;
      default -> false;
    };
  }
}
