package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlParser.AlterOptionContext;
import dev.millrace.grammar.MillraceSqlParser.ColumnConstraintContext;
import dev.millrace.grammar.MillraceSqlParser.HeaderConstraintContext;
import dev.millrace.grammar.MillraceSqlParser.HeadersConstraintContext;
import dev.millrace.grammar.MillraceSqlParser.KeyConstraintContext;
import dev.millrace.grammar.MillraceSqlParser.LiteralPropertyValueContext;
import dev.millrace.grammar.MillraceSqlParser.NegativePropertyValueContext;
import dev.millrace.grammar.MillraceSqlParser.PropertyValueContext;
import dev.millrace.grammar.MillraceSqlParser.TableElementContext;
import dev.millrace.grammar.MillraceSqlParser.TableElementsContext;
import dev.millrace.grammar.MillraceSqlParser.TablePropertiesContext;
import dev.millrace.grammar.MillraceSqlParser.TablePropertyContext;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.ast.Property;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.parser.ast.WithProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Builds column lists ({@link TableElement}) and WITH clauses ({@link WithProperties}). */
final class ElementBuilder {

  private static final ExpressionBuilder LITERALS = new ExpressionBuilder();

  private ElementBuilder() {}

  static List<TableElement> elements(TableElementsContext context) {
    return context == null
        ? List.of()
        : context.tableElement().stream().map(ElementBuilder::element).toList();
  }

  static TableElement addedColumn(AlterOptionContext context) {
    return TableElement.value(
        Identifiers.name(context.identifier()),
        TypeBuilder.build(context.type()),
        Locations.of(context.identifier()));
  }

  private static TableElement element(TableElementContext context) {
    ColumnConstraintContext constraint = context.columnConstraint();
    TableElement.Kind kind = kind(constraint);
    Optional<String> headerKey =
        constraint instanceof HeaderConstraintContext header
            ? Optional.of(Identifiers.string(header.STRING().getSymbol()))
            : Optional.empty();
    return new TableElement(
        Identifiers.name(context.identifier()),
        TypeBuilder.build(context.type()),
        kind,
        headerKey,
        Locations.of(context));
  }

  private static TableElement.Kind kind(ColumnConstraintContext constraint) {
    if (constraint == null) {
      return TableElement.Kind.VALUE;
    }
    if (constraint instanceof KeyConstraintContext) {
      return TableElement.Kind.KEY;
    }
    if (constraint instanceof HeadersConstraintContext) {
      return TableElement.Kind.HEADERS;
    }
    if (constraint instanceof HeaderConstraintContext) {
      return TableElement.Kind.HEADER;
    }
    return TableElement.Kind.PRIMARY_KEY;
  }

  /** The WITH clause; names are upper-cased and must be unique. */
  static WithProperties properties(TablePropertiesContext context) {
    if (context == null) {
      return WithProperties.EMPTY;
    }
    List<Property> properties = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TablePropertyContext property : context.tableProperty()) {
      String name =
          property.identifier() != null
              ? Identifiers.name(property.identifier())
              : Identifiers.string(property.STRING().getSymbol()).toUpperCase(Locale.ROOT);
      if (!seen.add(name)) {
        throw SyntaxErrors.at(property.getStart(), "property " + name + " is given twice");
      }
      properties.add(new Property(name, value(property.propertyValue()), Locations.of(property)));
    }
    return new WithProperties(properties);
  }

  private static Literal value(PropertyValueContext context) {
    if (context instanceof LiteralPropertyValueContext literal) {
      return (Literal) LITERALS.build(literal.literal());
    }
    NegativePropertyValueContext negative = (NegativePropertyValueContext) context;
    return ExpressionBuilder.number(negative.number(), true, Locations.of(negative));
  }
}
