package dev.millrace.planner.analysis;

import dev.millrace.engine.function.ArgumentType;
import dev.millrace.engine.function.FunctionException;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.function.ImplicitCasts;
import dev.millrace.engine.function.ResolvedScalar;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.Between;
import dev.millrace.parser.ast.Cast;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Concat;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.InList;
import dev.millrace.parser.ast.IntervalUnit;
import dev.millrace.parser.ast.IsNull;
import dev.millrace.parser.ast.Lambda;
import dev.millrace.parser.ast.LambdaVariable;
import dev.millrace.parser.ast.Like;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.Not;
import dev.millrace.parser.ast.SearchedCase;
import dev.millrace.parser.ast.SimpleCase;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.Subscript;
import dev.millrace.parser.ast.WhenClause;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.logical.CalciteTypes;
import dev.millrace.planner.logical.MillraceOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Types an AST expression against a scope and builds its Calcite {@link RexNode}, applying ksqlDB's
 * typing rules: operands are converted to the operation's type by explicit casts, so every node's
 * type is final and the engine never guesses. Function calls are typed by the {@link
 * FunctionRegistry}. Errors carry the offending node's line:column.
 */
public final class ExpressionAnalyzer {
  private final RexBuilder rex;
  private final CalciteTypes types;
  private final FunctionRegistry functions;
  private final TypeResolver typeResolver;
  private final Coercions coercions;

  public ExpressionAnalyzer(
      RexBuilder rex, CalciteTypes types, FunctionRegistry functions, TypeResolver typeResolver) {
    this.rex = rex;
    this.types = types;
    this.functions = functions;
    this.typeResolver = typeResolver;
    this.coercions = new Coercions(rex, types);
  }

  public RexBuilder rexBuilder() {
    return rex;
  }

  public CalciteTypes types() {
    return types;
  }

  public FunctionRegistry functions() {
    return functions;
  }

  public Coercions coercions() {
    return coercions;
  }

  /** The SQL type of an analysed expression; null for an untyped NULL literal. */
  public SqlType typeOf(RexNode node) {
    return coercions.typeOf(node);
  }

  /** Analyses a condition (WHERE, HAVING, ON), which must be BOOLEAN. */
  public RexNode condition(Expression e, ExpressionScope scope, String clause) {
    RexNode node = analyze(e, scope);
    SqlType type = typeOf(node);
    if (type != null && type.base() != SqlType.Base.BOOLEAN) {
      throw new PlanningException(
          e.location(),
          clause
              + " expression must be of type BOOLEAN: "
              + SqlFormatter.format(e)
              + " is "
              + type.toSql());
    }
    return coercions.coerce(node, SqlType.BOOLEAN, e);
  }

  /** Analyses an expression in a scope. */
  public RexNode analyze(Expression e, ExpressionScope scope) {
    Optional<RexNode> replaced = scope.replace(e, this);
    if (replaced.isPresent()) {
      return replaced.get();
    }
    if (e instanceof Literal l) {
      return coercions.literal(l);
    }
    if (e instanceof ColumnRef c) {
      return scope.column(c);
    }
    if (e instanceof FunctionCall f) {
      return functions.isAggregate(f.name()) ? scope.aggregate(f, this) : call(f, scope, false);
    }
    if (e instanceof ArithmeticBinary a) {
      return arithmetic(a, scope);
    }
    if (e instanceof ArithmeticUnary u) {
      return unary(u, scope);
    }
    if (e instanceof Comparison c) {
      return comparison(c.operator(), c.left(), c.right(), scope, c);
    }
    if (e instanceof Logical l) {
      return rex.makeCall(
          types.toRel(SqlType.BOOLEAN),
          l.operator() == Logical.Operator.AND ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR,
          List.of(bool(l.left(), scope, l), bool(l.right(), scope, l)));
    }
    if (e instanceof Not n) {
      return not(bool(n.operand(), scope, n));
    }
    if (e instanceof IsNull n) {
      return rex.makeCall(
          types.toRel(SqlType.BOOLEAN),
          n.negated() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL,
          List.of(analyze(n.value(), scope)));
    }
    if (e instanceof Concat c) {
      return concat(c.left(), c.right(), scope, c);
    }
    if (e instanceof Like l) {
      return like(l, scope);
    }
    if (e instanceof InList in) {
      return inList(in, scope);
    }
    if (e instanceof Between b) {
      return between(b, scope);
    }
    if (e instanceof SearchedCase c) {
      return searchedCase(c.whenClauses(), c.defaultValue(), scope, c, null);
    }
    if (e instanceof SimpleCase c) {
      return searchedCase(c.whenClauses(), c.defaultValue(), scope, c, c.operand());
    }
    if (e instanceof Cast c) {
      return cast(c, scope);
    }
    if (e instanceof Dereference d) {
      return dereference(d, scope);
    }
    if (e instanceof Subscript s) {
      return subscript(s, scope);
    }
    if (e instanceof LambdaVariable v && scope instanceof LambdaScope lambda) {
      return lambda.variable(v);
    }
    if (e instanceof IntervalUnit unit) {
      return coercions.stringLiteral(unit.unit().name());
    }
    return new Constructors(this).analyze(e, scope);
  }

  /** Whether the call is of a table function (e.g. EXPLODE). */
  public boolean isTableFunctionCall(Expression e) {
    return e instanceof FunctionCall f && functions.isTableFunction(f.name());
  }

  /**
   * Analyses a call of a table function in a scope; the call's type is that of each value it
   * produces.
   */
  public RexNode tableFunctionCall(FunctionCall call, ExpressionScope scope) {
    return call(call, scope, true);
  }

  private RexNode call(FunctionCall call, ExpressionScope scope, boolean table) {
    List<RexNode> args = new ArrayList<>();
    List<LambdaArgument> lambdas = new ArrayList<>();
    List<ArgumentType> argTypes = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      if (argument instanceof Lambda lambda) {
        LambdaArgument typed = new LambdaArgument(lambda, scope, this);
        args.add(null);
        lambdas.add(typed);
        argTypes.add(typed.argumentType());
      } else {
        RexNode node = analyze(argument, scope);
        args.add(node);
        lambdas.add(null);
        argTypes.add(new ArgumentType.Value(typeOf(node)));
      }
    }
    ResolvedScalar resolved;
    try {
      resolved =
          table
              ? functions.resolveTableFunction(call.name(), argTypes)
              : functions.resolveScalarCall(call.name(), argTypes);
    } catch (FunctionException error) {
      throw new PlanningException(call.location(), error.getMessage());
    }
    List<RexNode> converted = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      SqlType parameter = resolved.parameterTypes().get(i);
      converted.add(
          lambdas.get(i) != null
              ? lambdas.get(i).build(parameter)
              : coercions.coerceArgument(args.get(i), parameter, call.arguments().get(i)));
    }
    return rex.makeCall(
        types.toRel(resolved.returnType()), MillraceOperators.scalar(resolved.name()), converted);
  }

  private RexNode arithmetic(ArithmeticBinary a, ExpressionScope scope) {
    RexNode left = analyze(a.left(), scope);
    RexNode right = analyze(a.right(), scope);
    SqlType lt = orOther(typeOf(left), typeOf(right));
    SqlType rt = orOther(typeOf(right), lt);
    if (lt == null) {
      throw new PlanningException(
          a.location(), "Arithmetic on NULL alone has no type: " + SqlFormatter.format(a));
    }
    if (a.operator() == ArithmeticBinary.Operator.ADD
        && lt.base() == SqlType.Base.STRING
        && rt.base() == SqlType.Base.STRING) {
      return concat(a.left(), a.right(), scope, a);
    }
    SqlType result =
        OperatorTypes.arithmetic(a.operator(), lt, rt)
            .orElseThrow(
                () ->
                    new PlanningException(
                        a.location(),
                        "Unsupported arithmetic types: "
                            + lt.toSql()
                            + " "
                            + a.operator().symbol()
                            + " "
                            + rt.toSql()
                            + " in "
                            + SqlFormatter.format(a)));
    if (result instanceof SqlType.Decimal) {
      // DECIMAL operands keep their own precision and scale; the engine rounds the exact result.
      return rex.makeCall(
          types.toRel(result),
          ArithmeticOperators.of(a.operator()),
          List.of(
              coercions.coerce(left, orOther(typeOf(left), rt), a.left()),
              coercions.coerce(right, rt, a.right())));
    }
    return rex.makeCall(
        types.toRel(result),
        ArithmeticOperators.of(a.operator()),
        List.of(
            coercions.coerce(left, result, a.left()), coercions.coerce(right, result, a.right())));
  }

  private static SqlType orOther(SqlType type, SqlType other) {
    return type != null ? type : other;
  }

  private RexNode unary(ArithmeticUnary u, ExpressionScope scope) {
    RexNode operand = analyze(u.operand(), scope);
    SqlType type = typeOf(operand);
    if (type == null || !OperatorTypes.isNumeric(type)) {
      throw new PlanningException(
          u.location(),
          "Unary "
              + (u.sign() == ArithmeticUnary.Sign.MINUS ? "-" : "+")
              + " needs a number, got "
              + (type == null ? "NULL" : type.toSql()));
    }
    return u.sign() == ArithmeticUnary.Sign.PLUS
        ? operand
        : rex.makeCall(types.toRel(type), SqlStdOperatorTable.UNARY_MINUS, List.of(operand));
  }

  /**
   * A comparison; public for joins and simple CASE, which compare expressions they did not parse as
   * one.
   */
  public RexNode comparison(
      Comparison.Operator op,
      Expression leftAst,
      Expression rightAst,
      ExpressionScope scope,
      Expression whole) {
    return compare(
        op,
        comparand(leftAst, rightAst, scope),
        leftAst,
        comparand(rightAst, leftAst, scope),
        rightAst,
        whole);
  }

  /**
   * A compared value; a string compared with ROWTIME, WINDOWSTART or WINDOWEND is read as a
   * timestamp in milliseconds, as ksqlDB does.
   */
  private RexNode comparand(Expression e, Expression other, ExpressionScope scope) {
    if (e instanceof StringLiteral text
        && other instanceof ColumnRef ref
        && isTimeColumn(ref.name())) {
      long millis =
          TimestampText.millis(text.stringValue())
              .orElseThrow(
                  () ->
                      new PlanningException(
                          e.location(),
                          "Invalid timestamp for "
                              + ref.name()
                              + ": '"
                              + text.stringValue()
                              + "'. Expected yyyy-MM-dd'T'HH:mm:ss.SSS "
                              + "with an optional zone offset."));
      return rex.makeExactLiteral(
          java.math.BigDecimal.valueOf(millis), types.toRel(SqlType.BIGINT));
    }
    return analyze(e, scope);
  }

  private static boolean isTimeColumn(String name) {
    return name.equals("ROWTIME") || name.equals("WINDOWSTART") || name.equals("WINDOWEND");
  }

  private RexNode compare(
      Comparison.Operator op,
      RexNode left,
      Expression leftAst,
      RexNode right,
      Expression rightAst,
      Expression whole) {
    SqlType common = Comparisons.commonType(op, left, leftAst, right, rightAst, whole, coercions);
    return rex.makeCall(
        types.toRel(SqlType.BOOLEAN),
        Comparisons.operator(op),
        List.of(
            coercions.coerceComparand(left, common, leftAst),
            coercions.coerceComparand(right, common, rightAst)));
  }

  private RexNode bool(Expression e, ExpressionScope scope, Expression whole) {
    RexNode node = analyze(e, scope);
    SqlType type = typeOf(node);
    if (type != null && type.base() != SqlType.Base.BOOLEAN) {
      throw new PlanningException(
          e.location(),
          "Logical operators need BOOLEAN operands: "
              + SqlFormatter.format(e)
              + " is "
              + type.toSql()
              + " in "
              + SqlFormatter.format(whole));
    }
    return coercions.coerce(node, SqlType.BOOLEAN, e);
  }

  private RexNode not(RexNode operand) {
    return rex.makeCall(types.toRel(SqlType.BOOLEAN), SqlStdOperatorTable.NOT, List.of(operand));
  }

  private RexNode concat(
      Expression leftAst, Expression rightAst, ExpressionScope scope, Expression whole) {
    RexNode left = analyze(leftAst, scope);
    RexNode right = analyze(rightAst, scope);
    SqlType lt = orOther(typeOf(left), SqlType.STRING);
    SqlType rt = orOther(typeOf(right), SqlType.STRING);
    if (lt.base() != SqlType.Base.STRING || rt.base() != SqlType.Base.STRING) {
      throw new PlanningException(
          whole.location(),
          "Concatenation needs STRING operands, got "
              + lt.toSql()
              + " and "
              + rt.toSql()
              + " in "
              + SqlFormatter.format(whole));
    }
    return rex.makeCall(
        types.toRel(SqlType.STRING),
        SqlStdOperatorTable.CONCAT,
        List.of(
            coercions.coerce(left, SqlType.STRING, leftAst),
            coercions.coerce(right, SqlType.STRING, rightAst)));
  }

  private RexNode like(Like l, ExpressionScope scope) {
    List<RexNode> operands = new ArrayList<>();
    operands.add(string(l.value(), scope, l));
    operands.add(string(l.pattern(), scope, l));
    l.escape().ifPresent(escape -> operands.add(coercions.stringLiteral(escape)));
    RexNode like = rex.makeCall(types.toRel(SqlType.BOOLEAN), SqlStdOperatorTable.LIKE, operands);
    return l.negated() ? not(like) : like;
  }

  private RexNode string(Expression e, ExpressionScope scope, Expression whole) {
    RexNode node = analyze(e, scope);
    SqlType type = typeOf(node);
    if (type != null && type.base() != SqlType.Base.STRING) {
      throw new PlanningException(
          e.location(),
          "LIKE needs STRING operands: "
              + SqlFormatter.format(e)
              + " is "
              + type.toSql()
              + " in "
              + SqlFormatter.format(whole));
    }
    return coercions.coerce(node, SqlType.STRING, e);
  }

  private RexNode inList(InList in, ExpressionScope scope) {
    RexNode value = analyze(in.value(), scope);
    List<RexNode> candidates = new ArrayList<>();
    in.values().forEach(v -> candidates.add(analyze(v, scope)));
    // The value and the candidates are one list with one type (ksqlDB's list coercion); what it
    // does not combine is compared as two operands are, or refused with that comparison's error.
    ListCoercion list = new ListCoercion(this);
    SqlType common = list.isNull(value, in.value()) ? null : typeOf(value);
    for (int i = 0; i < candidates.size(); i++) {
      SqlType before = common;
      RexNode candidate = candidates.get(i);
      Expression ast = in.values().get(i);
      if (list.isNull(candidate, ast)) {
        continue;
      }
      common =
          list.add(before, candidate, ast)
              .orElseGet(
                  () ->
                      Comparisons.commonType(
                          Comparison.Operator.EQUAL,
                          value,
                          in.value(),
                          candidate,
                          ast,
                          in,
                          coercions,
                          before));
    }
    if (common == null) {
      common = SqlType.STRING;
    }
    List<RexNode> operands = new ArrayList<>();
    operands.add(list.convert(value, common, in.value()));
    for (int i = 0; i < candidates.size(); i++) {
      operands.add(list.convert(candidates.get(i), common, in.values().get(i)));
    }
    RexNode call = rex.makeCall(types.toRel(SqlType.BOOLEAN), MillraceOperators.IN, operands);
    return in.negated() ? not(call) : call;
  }

  private RexNode between(Between b, ExpressionScope scope) {
    RexNode value = analyze(b.value(), scope);
    RexNode min = comparand(b.min(), b.value(), scope);
    RexNode max = comparand(b.max(), b.value(), scope);
    SqlType common =
        Comparisons.commonType(
            Comparison.Operator.LESS_THAN_OR_EQUAL,
            value,
            b.value(),
            min,
            b.min(),
            b,
            coercions,
            typeOf(value));
    common =
        Comparisons.commonType(
            Comparison.Operator.LESS_THAN_OR_EQUAL,
            value,
            b.value(),
            max,
            b.max(),
            b,
            coercions,
            common);
    RexNode call =
        rex.makeCall(
            types.toRel(SqlType.BOOLEAN),
            MillraceOperators.BETWEEN,
            List.of(
                coercions.coerceComparand(value, common, b.value()),
                coercions.coerceComparand(min, common, b.min()),
                coercions.coerceComparand(max, common, b.max())));
    return b.negated() ? not(call) : call;
  }

  private RexNode searchedCase(
      List<WhenClause> whens,
      Optional<Expression> otherwise,
      ExpressionScope scope,
      Expression whole,
      Expression operand) {
    List<RexNode> conditions = new ArrayList<>();
    List<RexNode> results = new ArrayList<>();
    List<Expression> resultAsts = new ArrayList<>();
    for (WhenClause when : whens) {
      conditions.add(
          operand == null
              ? bool(when.operand(), scope, whole)
              : comparison(Comparison.Operator.EQUAL, operand, when.operand(), scope, whole));
      results.add(analyze(when.result(), scope));
      resultAsts.add(when.result());
    }
    otherwise.ifPresent(
        d -> {
          results.add(analyze(d, scope));
          resultAsts.add(d);
        });
    SqlType type = null;
    for (int i = 0; i < results.size(); i++) {
      SqlType next = typeOf(results.get(i));
      if (next == null) {
        continue;
      }
      SqlType before = type;
      type =
          type == null
              ? next
              : ImplicitCasts.commonType(type, next)
                  .orElseThrow(
                      () ->
                          new PlanningException(
                              whole.location(),
                              "Invalid Case expression. The results have different types: "
                                  + before.toSql()
                                  + " and "
                                  + next.toSql()));
    }
    if (type == null) {
      throw new PlanningException(
          whole.location(), "Invalid Case expression. All case branches have NULL type");
    }
    List<RexNode> operands = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      operands.add(conditions.get(i));
      operands.add(coercions.coerce(results.get(i), type, resultAsts.get(i)));
    }
    operands.add(
        otherwise.isPresent()
            ? coercions.coerce(results.get(results.size() - 1), type, otherwise.get())
            : rex.makeNullLiteral(types.toRel(type)));
    return rex.makeCall(types.toRel(type), SqlStdOperatorTable.CASE, operands);
  }

  private RexNode cast(Cast c, ExpressionScope scope) {
    RexNode value = analyze(c.value(), scope);
    SqlType target = typeResolver.resolve(c.type(), c.location());
    SqlType from = typeOf(value);
    if (from == null) {
      return rex.makeNullLiteral(types.toRel(target));
    }
    if (!CastRules.supported(from, target)) {
      throw new PlanningException(
          c.location(), "Cast of " + from.toSql() + " to " + target.toSql() + " is not supported");
    }
    return from.equals(target) ? value : rex.makeAbstractCast(types.toRel(target), value, false);
  }

  private RexNode dereference(Dereference d, ExpressionScope scope) {
    RexNode base = analyze(d.base(), scope);
    SqlType type = typeOf(base);
    if (!(type instanceof SqlType.Struct struct)) {
      throw new PlanningException(
          d.location(),
          "Expected STRUCT type for "
              + SqlFormatter.format(d.base())
              + " in "
              + SqlFormatter.format(d)
              + ", got "
              + (type == null ? "NULL" : type.toSql()));
    }
    if (struct.indexOf(d.field()) < 0) {
      throw new PlanningException(
          d.location(),
          "Could not find field '"
              + d.field()
              + "' in '"
              + SqlFormatter.format(d.base())
              + "'."
              + ClosestNames.hint(
                  d.field(), struct.fields().stream().map(SqlType.Field::name).toList()));
    }
    return rex.makeFieldAccess(base, d.field(), true);
  }

  private RexNode subscript(Subscript s, ExpressionScope scope) {
    RexNode base = analyze(s.base(), scope);
    RexNode index = analyze(s.index(), scope);
    SqlType type = typeOf(base);
    if (type instanceof SqlType.Array array) {
      SqlType indexType = orOther(typeOf(index), SqlType.INTEGER);
      if (indexType.base() != SqlType.Base.INTEGER) {
        throw new PlanningException(
            s.index().location(), "Array index must be INTEGER, got " + indexType.toSql());
      }
      return rex.makeCall(
          types.toRel(array.element()),
          MillraceOperators.SUBSCRIPT,
          List.of(base, coercions.coerce(index, SqlType.INTEGER, s.index())));
    }
    if (type instanceof SqlType.Map map) {
      return rex.makeCall(
          types.toRel(map.value()),
          MillraceOperators.SUBSCRIPT,
          List.of(base, coercions.coerceComparand(index, map.key(), s.index())));
    }
    throw new PlanningException(
        s.location(),
        "Subscript expects ARRAY or MAP, got "
            + (type == null ? "NULL" : type.toSql())
            + " in "
            + SqlFormatter.format(s));
  }
}
