package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlBaseVisitor;
import dev.millrace.grammar.MillraceSqlLexer;
import dev.millrace.grammar.MillraceSqlParser.AndExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.ArithmeticBinaryContext;
import dev.millrace.grammar.MillraceSqlParser.ArithmeticUnaryContext;
import dev.millrace.grammar.MillraceSqlParser.ArrayConstructorContext;
import dev.millrace.grammar.MillraceSqlParser.BetweenContext;
import dev.millrace.grammar.MillraceSqlParser.BooleanExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.BooleanLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.CastContext;
import dev.millrace.grammar.MillraceSqlParser.ColumnReferenceContext;
import dev.millrace.grammar.MillraceSqlParser.ComparisonContext;
import dev.millrace.grammar.MillraceSqlParser.ConcatenationContext;
import dev.millrace.grammar.MillraceSqlParser.CountAllContext;
import dev.millrace.grammar.MillraceSqlParser.DecimalLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.DereferenceContext;
import dev.millrace.grammar.MillraceSqlParser.DistinctFromContext;
import dev.millrace.grammar.MillraceSqlParser.ExpressionArgumentContext;
import dev.millrace.grammar.MillraceSqlParser.ExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.FunctionCallContext;
import dev.millrace.grammar.MillraceSqlParser.IdentifierContext;
import dev.millrace.grammar.MillraceSqlParser.InListContext;
import dev.millrace.grammar.MillraceSqlParser.IntegerLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.LambdaContext;
import dev.millrace.grammar.MillraceSqlParser.LikeContext;
import dev.millrace.grammar.MillraceSqlParser.LiteralExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.LogicalNotContext;
import dev.millrace.grammar.MillraceSqlParser.MapConstructorContext;
import dev.millrace.grammar.MillraceSqlParser.NullLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.NullPredicateContext;
import dev.millrace.grammar.MillraceSqlParser.NumberContext;
import dev.millrace.grammar.MillraceSqlParser.NumericLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.ParenthesizedExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.PredicateContext;
import dev.millrace.grammar.MillraceSqlParser.PredicatedContext;
import dev.millrace.grammar.MillraceSqlParser.QualifiedColumnReferenceContext;
import dev.millrace.grammar.MillraceSqlParser.SearchedCaseContext;
import dev.millrace.grammar.MillraceSqlParser.SimpleCaseContext;
import dev.millrace.grammar.MillraceSqlParser.SingleParameterLambdaContext;
import dev.millrace.grammar.MillraceSqlParser.StringLiteralContext;
import dev.millrace.grammar.MillraceSqlParser.StructConstructorContext;
import dev.millrace.grammar.MillraceSqlParser.SubscriptContext;
import dev.millrace.grammar.MillraceSqlParser.TimeUnitArgumentContext;
import dev.millrace.grammar.MillraceSqlParser.ValueExpressionContext;
import dev.millrace.grammar.MillraceSqlParser.ValueExpressionDefaultContext;
import dev.millrace.grammar.MillraceSqlParser.WhenClauseContext;
import dev.millrace.parser.ast.ArithmeticBinary;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.Between;
import dev.millrace.parser.ast.BooleanLiteral;
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
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Not;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.SearchedCase;
import dev.millrace.parser.ast.SimpleCase;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.parser.ast.Subscript;
import dev.millrace.parser.ast.WhenClause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Expression}s. It tracks the parameters of enclosing lambdas, so a name that a
 * lambda binds becomes a {@link LambdaVariable} rather than a column.
 */
final class ExpressionBuilder extends MillraceSqlBaseVisitor<Expression> {

  private final Deque<List<String>> lambdaScopes = new ArrayDeque<>();

  Expression build(ParserRuleContext context) {
    return visit(unwrap(context));
  }

  List<Expression> buildAll(List<? extends ParserRuleContext> contexts) {
    List<Expression> built = new ArrayList<>(contexts.size());
    for (ParserRuleContext context : contexts) {
      built.add(build(context));
    }
    return List.copyOf(built);
  }

  /**
   * Skips, in a loop, the parse-tree levels that only wrap one operand: an expression, a lone OR or
   * AND term, a value without a predicate, parentheses, a function argument, a literal. Each level
   * of real nesting then costs a few stack frames instead of a few dozen, which is what lets the
   * nesting limit be generous on a default thread stack.
   */
  private static ParserRuleContext unwrap(ParserRuleContext context) {
    ParserRuleContext current = context;
    for (ParserRuleContext inner = inner(current); inner != null; inner = inner(current)) {
      current = inner;
    }
    return current;
  }

  private static ParserRuleContext inner(ParserRuleContext context) {
    if (context instanceof ExpressionContext expression) {
      return expression.booleanExpression();
    }
    if (context instanceof BooleanExpressionContext or && or.orTerms.size() == 1) {
      return or.orTerms.get(0);
    }
    if (context instanceof AndExpressionContext and && and.andTerms.size() == 1) {
      return and.andTerms.get(0);
    }
    if (context instanceof PredicatedContext value && value.predicate() == null) {
      return value.valueExpression();
    }
    if (context instanceof ValueExpressionDefaultContext value) {
      return value.primaryExpression();
    }
    if (context instanceof ParenthesizedExpressionContext parenthesized) {
      return parenthesized.expression();
    }
    if (context instanceof ExpressionArgumentContext argument) {
      return argument.expression();
    }
    if (context instanceof LiteralExpressionContext literal) {
      return literal.literal();
    }
    return null;
  }

  Optional<Expression> buildOptional(ParserRuleContext context) {
    return Optional.ofNullable(context).map(this::build);
  }

  // ------------------------------------------------------------------------ boolean structure

  @Override
  public Expression visitPredicated(PredicatedContext context) {
    // Only reached with a predicate: a bare value is unwrapped by build().
    return predicate(build(context.valueExpression()), context.predicate());
  }

  @Override
  public Expression visitLogicalNot(LogicalNotContext context) {
    return new Not(build(context.notExpression()), Locations.of(context));
  }

  @Override
  public Expression visitBooleanExpression(BooleanExpressionContext context) {
    return LogicalChains.fold(Logical.Operator.OR, context.orTerms, this);
  }

  @Override
  public Expression visitAndExpression(AndExpressionContext context) {
    return LogicalChains.fold(Logical.Operator.AND, context.andTerms, this);
  }

  private Expression predicate(Expression value, PredicateContext predicate) {
    NodeLocation at = value.location();
    if (predicate instanceof ComparisonContext comparison) {
      return new Comparison(
          comparisonOperator(comparison.comparisonOperator().getStart()),
          value,
          build(comparison.right),
          at);
    }
    if (predicate instanceof DistinctFromContext distinct) {
      Comparison.Operator operator =
          distinct.NOT() == null
              ? Comparison.Operator.IS_DISTINCT_FROM
              : Comparison.Operator.IS_NOT_DISTINCT_FROM;
      return new Comparison(operator, value, build(distinct.right), at);
    }
    if (predicate instanceof BetweenContext between) {
      return new Between(
          value, build(between.lower), build(between.upper), between.NOT() != null, at);
    }
    if (predicate instanceof InListContext in) {
      return new InList(value, buildAll(in.expression()), in.NOT() != null, at);
    }
    if (predicate instanceof LikeContext like) {
      Optional<String> escape = Optional.ofNullable(like.escape).map(Identifiers::string);
      return new Like(value, build(like.pattern), escape, like.NOT() != null, at);
    }
    NullPredicateContext isNull = (NullPredicateContext) predicate;
    return new IsNull(value, isNull.NOT() != null, at);
  }

  private static Comparison.Operator comparisonOperator(Token token) {
    return switch (token.getType()) {
      case MillraceSqlLexer.EQ -> Comparison.Operator.EQUAL;
      case MillraceSqlLexer.NEQ -> Comparison.Operator.NOT_EQUAL;
      case MillraceSqlLexer.LT -> Comparison.Operator.LESS_THAN;
      case MillraceSqlLexer.LTE -> Comparison.Operator.LESS_THAN_OR_EQUAL;
      case MillraceSqlLexer.GT -> Comparison.Operator.GREATER_THAN;
      case MillraceSqlLexer.GTE -> Comparison.Operator.GREATER_THAN_OR_EQUAL;
      default -> throw new IllegalStateException("not a comparison: " + token.getText());
    };
  }

  // ------------------------------------------------------------------------ arithmetic

  @Override
  public Expression visitArithmeticUnary(ArithmeticUnaryContext context) {
    NodeLocation at = Locations.of(context);
    boolean minus = context.operator.getType() == MillraceSqlLexer.MINUS;
    Optional<NumberContext> number = numberIn(context.valueExpression());
    if (minus && number.isPresent()) {
      return number(number.get(), true, at);
    }
    ArithmeticUnary.Sign sign = minus ? ArithmeticUnary.Sign.MINUS : ArithmeticUnary.Sign.PLUS;
    return new ArithmeticUnary(sign, build(context.valueExpression()), at);
  }

  /** The bare number literal an operand consists of, so that {@code -5} folds into a literal. */
  private static Optional<NumberContext> numberIn(ValueExpressionContext operand) {
    if (operand instanceof ValueExpressionDefaultContext value
        && value.primaryExpression() instanceof LiteralExpressionContext literal
        && literal.literal() instanceof NumericLiteralContext numeric) {
      return Optional.of(numeric.number());
    }
    return Optional.empty();
  }

  @Override
  public Expression visitArithmeticBinary(ArithmeticBinaryContext context) {
    ArithmeticBinary.Operator operator =
        switch (context.operator.getType()) {
          case MillraceSqlLexer.PLUS -> ArithmeticBinary.Operator.ADD;
          case MillraceSqlLexer.MINUS -> ArithmeticBinary.Operator.SUBTRACT;
          case MillraceSqlLexer.ASTERISK -> ArithmeticBinary.Operator.MULTIPLY;
          case MillraceSqlLexer.SLASH -> ArithmeticBinary.Operator.DIVIDE;
          default -> ArithmeticBinary.Operator.MODULUS;
        };
    return new ArithmeticBinary(
        operator, build(context.left), build(context.right), Locations.of(context));
  }

  @Override
  public Expression visitConcatenation(ConcatenationContext context) {
    return new Concat(build(context.left), build(context.right), Locations.of(context));
  }

  // ------------------------------------------------------------------------ primaries

  @Override
  public Expression visitNullLiteral(NullLiteralContext context) {
    return new NullLiteral(Locations.of(context));
  }

  @Override
  public Expression visitBooleanLiteral(BooleanLiteralContext context) {
    return new BooleanLiteral(context.TRUE() != null, Locations.of(context));
  }

  @Override
  public Expression visitNumericLiteral(NumericLiteralContext context) {
    return number(context.number(), false, Locations.of(context));
  }

  @Override
  public Expression visitStringLiteral(StringLiteralContext context) {
    return new StringLiteral(
        Identifiers.string(context.STRING().getSymbol()), Locations.of(context));
  }

  /** A numeric literal, negated when written after a minus sign. */
  static Literal number(NumberContext number, boolean negative, NodeLocation at) {
    Token token = number.getStart();
    if (number instanceof IntegerLiteralContext) {
      return Numbers.integer(token, negative, at);
    }
    if (number instanceof DecimalLiteralContext) {
      return Numbers.decimal(token, negative, at);
    }
    return Numbers.floating(token, negative, at);
  }

  @Override
  public Expression visitSimpleCase(SimpleCaseContext context) {
    return new SimpleCase(
        build(context.operand),
        whenClauses(context.whenClause()),
        buildOptional(context.elseExpression),
        Locations.of(context));
  }

  @Override
  public Expression visitSearchedCase(SearchedCaseContext context) {
    return new SearchedCase(
        whenClauses(context.whenClause()),
        buildOptional(context.elseExpression),
        Locations.of(context));
  }

  private List<WhenClause> whenClauses(List<WhenClauseContext> clauses) {
    return clauses.stream()
        .map(w -> new WhenClause(build(w.condition), build(w.result), Locations.of(w)))
        .toList();
  }

  @Override
  public Expression visitCast(CastContext context) {
    return new Cast(
        build(context.expression()), TypeBuilder.build(context.type()), Locations.of(context));
  }

  @Override
  public Expression visitArrayConstructor(ArrayConstructorContext context) {
    return new ArrayConstructor(buildAll(context.expression()), Locations.of(context));
  }

  @Override
  public Expression visitMapConstructor(MapConstructorContext context) {
    return new MapConstructor(
        context.mapEntry().stream()
            .map(e -> new MapConstructor.Entry(build(e.key), build(e.value)))
            .toList(),
        Locations.of(context));
  }

  @Override
  public Expression visitStructConstructor(StructConstructorContext context) {
    return new StructConstructor(
        context.structField().stream()
            .map(
                f ->
                    new StructConstructor.Field(
                        Identifiers.name(f.identifier()), build(f.expression())))
            .toList(),
        Locations.of(context));
  }

  @Override
  public Expression visitCountAll(CountAllContext context) {
    return new FunctionCall(
        Identifiers.name(context.identifier()), List.of(), false, Locations.of(context));
  }

  @Override
  public Expression visitFunctionCall(FunctionCallContext context) {
    return new FunctionCall(
        Identifiers.name(context.identifier()),
        buildAll(context.functionArgument()),
        context.DISTINCT() != null,
        Locations.of(context));
  }

  @Override
  public Expression visitTimeUnitArgument(TimeUnitArgumentContext context) {
    TimeUnit unit = TimeUnits.of(context.pluralTimeUnit().getStart());
    return new IntervalUnit(unit, Locations.of(context));
  }

  @Override
  public Expression visitSingleParameterLambda(SingleParameterLambdaContext context) {
    return lambda(List.of(context.identifier()), context.expression(), context);
  }

  @Override
  public Expression visitLambda(LambdaContext context) {
    return lambda(context.identifier(), context.expression(), context);
  }

  private Expression lambda(
      List<IdentifierContext> parameterContexts,
      ExpressionContext body,
      ParserRuleContext context) {
    List<String> parameters = parameterContexts.stream().map(Identifiers::name).toList();
    lambdaScopes.push(parameters);
    try {
      return new Lambda(parameters, build(body), Locations.of(context));
    } finally {
      lambdaScopes.pop();
    }
  }

  @Override
  public Expression visitSubscript(SubscriptContext context) {
    return new Subscript(build(context.base), build(context.index), Locations.of(context));
  }

  @Override
  public Expression visitDereference(DereferenceContext context) {
    return new Dereference(
        build(context.base), Identifiers.name(context.field), Locations.of(context));
  }

  @Override
  public Expression visitQualifiedColumnReference(QualifiedColumnReferenceContext context) {
    return new ColumnRef(
        Optional.of(Identifiers.name(context.source)),
        Identifiers.name(context.column),
        Locations.of(context));
  }

  @Override
  public Expression visitColumnReference(ColumnReferenceContext context) {
    String name = Identifiers.name(context.identifier());
    NodeLocation at = Locations.of(context);
    if (lambdaScopes.stream().anyMatch(scope -> scope.contains(name))) {
      return new LambdaVariable(name, at);
    }
    return new ColumnRef(Optional.empty(), name, at);
  }
}
