package dev.millrace.planner.logical;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.ExpressionScope;
import dev.millrace.planner.analysis.SelectItemNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rex.RexNode;

/**
 * Plans the SELECT list: types each item, names it as ksqlDB does, finds which items are the
 * result's key columns and, for persistent queries, enforces ksqlDB's projection rules (every key
 * selected exactly once, no reserved names, at least one value column).
 */
final class SelectPlanner {

  /**
   * One expanded SELECT item: {@code name} null when it is to be generated; {@code fromStar} when
   * {@code *} produced it (such items may carry pseudo-column names).
   */
  record Item(
      Expression expression,
      String name,
      boolean aliased,
      NodeLocation location,
      boolean fromStar) {}

  /**
   * The typed projection, its column names and types, and the key columns' positions in key order.
   */
  record Result(List<RexNode> nodes, List<Column> columns, List<Integer> keyPositions) {}

  private final ExpressionAnalyzer analyzer;

  SelectPlanner(ExpressionAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * @param keysOptional whether a persistent query may drop the key by not selecting it (a plain
   *     stream query) rather than having to select it
   * @param inputNames the names of the sources' columns, which generated names avoid
   */
  Result plan(
      List<Item> items,
      ExpressionScope scope,
      List<KeySlot> keys,
      boolean persistent,
      Optional<String> sinkName,
      boolean keysOptional,
      Set<String> inputNames) {
    List<RexNode> nodes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Item item : items) {
      nodes.add(analyzer.analyze(item.expression(), scope));
      names.add(item.name());
    }
    List<Integer> fieldNames = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).aliased() && items.get(i).expression() instanceof Dereference) {
        fieldNames.add(i);
      }
    }
    names = SelectItemNames.complete(names, fieldNames, inputNames);
    if (persistent) {
      checkReserved(items, names);
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      SqlType type = analyzer.typeOf(nodes.get(i));
      if (type == null) {
        throw new PlanningException(
            items.get(i).location(),
            "Can't infer a type of null. Please explicitly cast it "
                + "to a required type, e.g. CAST(null AS VARCHAR).");
      }
      columns.add(new Column(names.get(i), type));
    }
    checkDuplicates(items, names);
    List<Integer> keyPositions =
        keyPositions(nodes, names, keys, persistent, sinkName, keysOptional, items);
    if (persistent && keyPositions.size() == columns.size()) {
      throw new PlanningException(
          items.isEmpty() ? NodeLocation.NONE : items.get(0).location(),
          "The projection contains no value columns.");
    }
    return new Result(nodes, columns, keyPositions);
  }

  private static void checkReserved(List<Item> items, List<String> names) {
    for (int i = 0; i < items.size(); i++) {
      String name = names.get(i);
      if (!SourceColumns.isPseudoColumn(name) || items.get(i).fromStar()) {
        continue;
      }
      if (items.get(i).aliased()) {
        throw new PlanningException(
            items.get(i).location(),
            "`"
                + name
                + "` is a reserved column name. "
                + "You cannot use it as an alias for a column.");
      }
      throw new PlanningException(
          items.get(i).location(),
          "Reserved column name in select: `"
              + name
              + "`. "
              + "Please remove or alias the column.");
    }
  }

  private static void checkDuplicates(List<Item> items, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i))) {
        throw new PlanningException(
            items.get(i).location(),
            "Duplicate column name in the projection: `"
                + names.get(i)
                + "`. Please give one of them another alias.");
      }
    }
  }

  private static List<Integer> keyPositions(
      List<RexNode> nodes,
      List<String> names,
      List<KeySlot> keys,
      boolean persistent,
      Optional<String> sinkName,
      boolean keysOptional,
      List<Item> items) {
    List<Integer> positions = new ArrayList<>();
    List<KeySlot> missing = new ArrayList<>();
    for (KeySlot key : keys) {
      List<Integer> matches = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        if (key.matches(nodes.get(i))) {
          matches.add(i);
        }
      }
      if (matches.isEmpty()) {
        missing.add(key);
        continue;
      }
      if (persistent && matches.size() > 1 && !key.repeatable()) {
        throw new PlanningException(
            items.get(matches.get(1)).location(),
            "The projection contains a key column "
                + "more than once: "
                + matches.stream()
                    .map(m -> "`" + names.get(m) + "`")
                    .collect(Collectors.joining(" and "))
                + ".");
      }
      if (persistent && key.repeatable()) {
        checkSameKeyOnce(nodes, names, items, matches);
      }
      // A join key may be selected once per side; the earliest candidate (the left side's) is the
      // key.
      positions.add(
          matches.stream()
              .min(java.util.Comparator.comparingInt(m -> key.candidates().indexOf(nodes.get(m))))
              .orElseThrow());
    }
    if (!persistent || missing.isEmpty()) {
      return persistent ? positions : List.of();
    }
    if (keysOptional && missing.size() == keys.size()) {
      return List.of();
    }
    throw missingKeys(missing, sinkName, items);
  }

  /** Each side's join key may appear once; the same expression twice is a duplicated key column. */
  private static void checkSameKeyOnce(
      List<RexNode> nodes, List<String> names, List<Item> items, List<Integer> matches) {
    for (int i = 0; i < matches.size(); i++) {
      for (int j = i + 1; j < matches.size(); j++) {
        if (nodes.get(matches.get(i)).equals(nodes.get(matches.get(j)))) {
          throw new PlanningException(
              items.get(matches.get(j)).location(),
              "The projection contains a key column (`"
                  + names.get(matches.get(i))
                  + "`) more than once, aliased as: "
                  + names.get(matches.get(j))
                  + " and "
                  + names.get(matches.get(i))
                  + ".");
        }
      }
    }
  }

  private static PlanningException missingKeys(
      List<KeySlot> missing, Optional<String> sinkName, List<Item> items) {
    String kind =
        missing.get(0).kind()
            + (missing.size() > 1 && !missing.get(0).kind().endsWith("s") ? "s" : "");
    List<String> texts = missing.stream().map(KeySlot::text).toList();
    String listed =
        texts.size() == 1
            ? texts.get(0)
            : String.join(", ", texts.subList(0, texts.size() - 1))
                + " and "
                + texts.get(texts.size() - 1);
    String example = missing.stream().map(KeySlot::example).collect(Collectors.joining(", "));
    String prefix =
        missing.get(0).kind().equals("key column")
            ? "Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n"
            : "";
    return new PlanningException(
        items.isEmpty() ? NodeLocation.NONE : items.get(0).location(),
        prefix
            + "The query used to build `"
            + sinkName.orElse("the result")
            + "` must include the "
            + kind
            + " "
            + listed
            + " in its projection (eg, SELECT "
            + example
            + "...).");
  }
}
