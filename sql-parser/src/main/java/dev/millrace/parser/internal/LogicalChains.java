package dev.millrace.parser.internal;

import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Logical;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Folds the terms of an AND or OR chain into a balanced tree of {@link Logical} nodes. Both
 * connectives are associative, so the shape does not change the meaning, and the terms keep their
 * order; but a balanced tree is only log2(n) deep, so the formatter, the analyzer, Calcite and the
 * engine, which all walk expressions recursively, handle generated statements with thousands of
 * terms. Chains of two or three terms come out as the left-deep tree of the textbook reading:
 * {@code a AND b AND c} is {@code (a AND b) AND c}.
 */
final class LogicalChains {

  private LogicalChains() {}

  /**
   * {@code terms} joined by {@code operator}. Each node is located where the text of its first term
   * starts (an opening parenthesis included).
   */
  static Expression fold(
      Logical.Operator operator,
      List<? extends ParserRuleContext> terms,
      ExpressionBuilder builder) {
    return fold(operator, builder.buildAll(terms), terms, 0, terms.size());
  }

  private static Expression fold(
      Logical.Operator operator,
      List<Expression> terms,
      List<? extends ParserRuleContext> texts,
      int from,
      int to) {
    if (to - from == 1) {
      return terms.get(from);
    }
    // The left half takes the odd term, so short chains lean left as people read them.
    int middle = from + (to - from + 1) / 2;
    return new Logical(
        operator,
        fold(operator, terms, texts, from, middle),
        fold(operator, terms, texts, middle, to),
        Locations.of(texts.get(from)));
  }
}
