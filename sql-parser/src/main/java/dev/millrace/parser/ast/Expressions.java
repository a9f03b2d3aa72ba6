package dev.millrace.parser.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Generic traversal of expression trees, so analysis code can find what it needs (column
 * references, aggregate calls) without its own walk over every node kind.
 */
public final class Expressions {

  private Expressions() {}

  /** The direct sub-expressions of {@code expression}, left to right. */
  public static List<Expression> children(Expression expression) {
    if (expression instanceof Literal
        || expression instanceof ColumnRef
        || expression instanceof LambdaVariable
        || expression instanceof IntervalUnit) {
      return List.of();
    }
    if (expression instanceof Dereference e) {
      return List.of(e.base());
    }
    if (expression instanceof Subscript e) {
      return List.of(e.base(), e.index());
    }
    if (expression instanceof ArithmeticBinary e) {
      return List.of(e.left(), e.right());
    }
    if (expression instanceof ArithmeticUnary e) {
      return List.of(e.operand());
    }
    if (expression instanceof Concat e) {
      return List.of(e.left(), e.right());
    }
    if (expression instanceof Comparison e) {
      return List.of(e.left(), e.right());
    }
    if (expression instanceof Logical e) {
      return List.of(e.left(), e.right());
    }
    if (expression instanceof Not e) {
      return List.of(e.operand());
    }
    return predicateChildren(expression);
  }

  private static List<Expression> predicateChildren(Expression expression) {
    if (expression instanceof IsNull e) {
      return List.of(e.value());
    }
    if (expression instanceof Like e) {
      return List.of(e.value(), e.pattern());
    }
    if (expression instanceof InList e) {
      return concat(List.of(e.value()), e.values());
    }
    if (expression instanceof Between e) {
      return List.of(e.value(), e.min(), e.max());
    }
    if (expression instanceof SearchedCase e) {
      return concat(whens(e.whenClauses()), e.defaultValue().stream().toList());
    }
    if (expression instanceof SimpleCase e) {
      return concat(
          concat(List.of(e.operand()), whens(e.whenClauses())), e.defaultValue().stream().toList());
    }
    if (expression instanceof Cast e) {
      return List.of(e.value());
    }
    return constructorChildren(expression);
  }

  private static List<Expression> constructorChildren(Expression expression) {
    if (expression instanceof FunctionCall e) {
      return e.arguments();
    }
    if (expression instanceof Lambda e) {
      return List.of(e.body());
    }
    if (expression instanceof ArrayConstructor e) {
      return e.elements();
    }
    if (expression instanceof MapConstructor e) {
      return e.entries().stream().flatMap(x -> Stream.of(x.key(), x.value())).toList();
    }
    StructConstructor struct = (StructConstructor) expression;
    return struct.fields().stream().map(StructConstructor.Field::value).toList();
  }

  /** Visits {@code expression} and all its descendants, parents before children. */
  public static void forEach(Expression expression, Consumer<Expression> action) {
    action.accept(expression);
    children(expression).forEach(child -> forEach(child, action));
  }

  /** Whether {@code expression} or any descendant matches. */
  public static boolean anyMatch(Expression expression, Predicate<Expression> predicate) {
    return predicate.test(expression)
        || children(expression).stream().anyMatch(child -> anyMatch(child, predicate));
  }

  /** Every node of the tree that is an instance of {@code type}, in visiting order. */
  public static <T extends Expression> List<T> collect(Expression expression, Class<T> type) {
    List<T> found = new ArrayList<>();
    forEach(
        expression,
        e -> {
          if (type.isInstance(e)) {
            found.add(type.cast(e));
          }
        });
    return found;
  }

  private static List<Expression> whens(List<WhenClause> whens) {
    return whens.stream().flatMap(w -> Stream.of(w.operand(), w.result())).toList();
  }

  private static List<Expression> concat(List<Expression> first, List<Expression> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
