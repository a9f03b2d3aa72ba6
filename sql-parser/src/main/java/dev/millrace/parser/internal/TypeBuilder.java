package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlBaseVisitor;
import dev.millrace.grammar.MillraceSqlParser.ArrayTypeContext;
import dev.millrace.grammar.MillraceSqlParser.DecimalTypeContext;
import dev.millrace.grammar.MillraceSqlParser.MapTypeContext;
import dev.millrace.grammar.MillraceSqlParser.NamedTypeContext;
import dev.millrace.grammar.MillraceSqlParser.StructTypeContext;
import dev.millrace.grammar.MillraceSqlParser.TypeContext;
import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.CustomType;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.DecimalType;
import dev.millrace.parser.ast.MapType;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.PrimitiveType.Kind;
import dev.millrace.parser.ast.StructType;
import java.util.Map;

/**
 * Builds {@link DataType}s. Primitive type names are plain identifiers in the grammar (so they stay
 * usable as column names); they are recognised here, and any other name is a custom type.
 */
final class TypeBuilder extends MillraceSqlBaseVisitor<DataType> {

  private static final TypeBuilder INSTANCE = new TypeBuilder();

  private static final Map<String, Kind> PRIMITIVES =
      Map.ofEntries(
          Map.entry("BOOLEAN", Kind.BOOLEAN),
          Map.entry("INT", Kind.INTEGER),
          Map.entry("INTEGER", Kind.INTEGER),
          Map.entry("BIGINT", Kind.BIGINT),
          Map.entry("DOUBLE", Kind.DOUBLE),
          Map.entry("STRING", Kind.STRING),
          Map.entry("VARCHAR", Kind.STRING),
          Map.entry("BYTES", Kind.BYTES),
          Map.entry("DATE", Kind.DATE),
          Map.entry("TIME", Kind.TIME),
          Map.entry("TIMESTAMP", Kind.TIMESTAMP));

  static DataType build(TypeContext type) {
    return INSTANCE.visit(type);
  }

  @Override
  public DataType visitArrayType(ArrayTypeContext context) {
    return new ArrayType(build(context.type()));
  }

  @Override
  public DataType visitMapType(MapTypeContext context) {
    return new MapType(build(context.key), build(context.value));
  }

  @Override
  public DataType visitStructType(StructTypeContext context) {
    return new StructType(
        context.structTypeField().stream()
            .map(f -> new StructType.Field(Identifiers.name(f.identifier()), build(f.type())))
            .toList());
  }

  @Override
  public DataType visitDecimalType(DecimalTypeContext context) {
    return new DecimalType(Numbers.smallInt(context.precision), Numbers.smallInt(context.scale));
  }

  @Override
  public DataType visitNamedType(NamedTypeContext context) {
    String name = Identifiers.name(context.identifier());
    Kind primitive = Identifiers.quoted(context.identifier()) ? null : PRIMITIVES.get(name);
    if (!context.typeParameter().isEmpty() && !isLegacyVarchar(name, context)) {
      throw SyntaxErrors.at(context.LPAREN().getSymbol(), "type " + name + " takes no parameters");
    }
    return primitive == null ? new CustomType(name) : new PrimitiveType(primitive);
  }

  /** {@code VARCHAR(STRING)}, an old spelling of STRING that ksqlDB still accepts. */
  private static boolean isLegacyVarchar(String name, NamedTypeContext context) {
    return name.equals("VARCHAR")
        && context.typeParameter().size() == 1
        && context.typeParameter(0).getText().equalsIgnoreCase("STRING");
  }
}
