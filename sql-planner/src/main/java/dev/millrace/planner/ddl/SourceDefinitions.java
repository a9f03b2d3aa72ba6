package dev.millrace.planner.ddl;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.SourceKind;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.TypeResolver;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import dev.millrace.planner.catalog.TimestampColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans CREATE STREAM and CREATE TABLE (with declared columns) against a catalog snapshot. */
public final class SourceDefinitions {
  private SourceDefinitions() {}

  /** The source the statement declares; {@code text} is the statement as written, for DESCRIBE. */
  public static SourceDefinition plan(CreateSource create, String text, Catalog catalog, Map<String, ?> session) {
    Optional<DataSource> existing = catalog.source(create.name());
    if (existing.isPresent() && create.ifNotExists()) {
      return new SourceDefinition(existing.get(), Optional.empty(), false, true);
    }
    if (existing.isPresent() && !create.orReplace()) {
      String kind = existing.get().isTable() ? "table" : "stream";
      throw new PlanningException(create.location(), "Cannot add " + kindName(create.kind()) + " '" + create.name()
          + "': A " + kind + " with the same name already exists");
    }
    if (create.elements().isEmpty()) {
      throw new PlanningException(create.location(),
          "The statement does not define any columns. Declare the columns; schema inference needs a schema registry, which Millrace does not support yet.");
    }
    WithClause with = new WithClause(create.properties(), create.location());
    LogicalSchema schema = schema(create, new TypeResolver(catalog));
    Optional<WindowInfo> window = window(with);
    var formats = FormatResolver.resolve(with, session, schema.key().size(), schema.value().size(), Optional.empty(), window);
    String topic = with.string("KAFKA_TOPIC").orElse(create.name());
    Optional<TimestampColumn> timestamp = timestamp(with, schema);
    DataSource source = new DataSource(create.name(), create.kind() == SourceKind.TABLE ? SourceType.TABLE : SourceType.STREAM,
        schema, topic, formats, timestamp, create.readOnly(), false, text);
    return new SourceDefinition(source, topicRequest(with, topic), existing.isPresent(), false);
  }

  private static String kindName(SourceKind kind) {
    return kind == SourceKind.TABLE ? "table" : "stream";
  }

  private static LogicalSchema schema(CreateSource create, TypeResolver types) {
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TableElement element : create.elements()) {
      if (SourceColumns.isPseudoColumn(element.name())) {
        throw new PlanningException(element.location(), "'" + element.name() + "' is a reserved column name. "
            + "You cannot use it as the name of a column.");
      }
      if (!seen.add(element.name())) {
        throw new PlanningException(element.location(), "Duplicate column names: " + element.name());
      }
      checkKeyKind(create.kind(), element);
      if (element.kind() == TableElement.Kind.HEADERS || element.kind() == TableElement.Kind.HEADER) {
        throw new PlanningException(element.location(), "HEADER columns are not supported yet: " + element.name());
      }
      Column column = new Column(element.name(), types.resolve(element.type(), element.location()));
      (element.isKey() ? key : value).add(column);
    }
    if (create.kind() == SourceKind.TABLE && key.isEmpty()) {
      throw new PlanningException(create.location(), "Tables require a PRIMARY KEY. Please define the PRIMARY KEY.");
    }
    return new LogicalSchema(key, value);
  }

  private static void checkKeyKind(SourceKind kind, TableElement element) {
    if (kind == SourceKind.TABLE && element.kind() == TableElement.Kind.KEY) {
      throw new PlanningException(element.location(), "Column `" + element.name() + "` is a 'KEY' column: "
          + "please use 'PRIMARY KEY' for tables.\nTables have PRIMARY KEYs, which are unique and NON NULL.\n"
          + "Streams have KEYs, which have no uniqueness or NON NULL constraints.");
    }
    if (kind == SourceKind.STREAM && element.kind() == TableElement.Kind.PRIMARY_KEY) {
      throw new PlanningException(element.location(), "Column `" + element.name() + "` is a 'PRIMARY KEY' column: "
          + "please use 'KEY' for streams.\nTables have PRIMARY KEYs, which are unique and NON NULL.\n"
          + "Streams have KEYs, which have no uniqueness or NON NULL constraints.");
    }
  }

  private static Optional<TimestampColumn> timestamp(WithClause with, LogicalSchema schema) {
    Optional<String> name = with.string("TIMESTAMP").map(n -> n.startsWith("`") ? n.replace("`", "") : n.toUpperCase(Locale.ROOT));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Column column = schema.find(name.get()).orElseThrow(() -> new PlanningException(with.location("TIMESTAMP"),
        "The TIMESTAMP column set in the WITH clause does not exist in the schema: '" + name.get() + "'"));
    Optional<String> format = with.string("TIMESTAMP_FORMAT");
    SqlType.Base base = column.type().base();
    boolean usable = base == SqlType.Base.BIGINT || base == SqlType.Base.TIMESTAMP
        || (base == SqlType.Base.STRING && format.isPresent());
    if (!usable) {
      throw new PlanningException(with.location("TIMESTAMP"), "Timestamp column, `" + column.name() + "`, should be"
          + " LONG(INT64), TIMESTAMP, or a String with a TIMESTAMP_FORMAT specified.");
    }
    return Optional.of(new TimestampColumn(column.name(), format));
  }

  private static Optional<WindowInfo> window(WithClause with) {
    Optional<String> type = with.word("WINDOW_TYPE");
    if (type.isEmpty()) {
      if (with.has("WINDOW_SIZE")) {
        throw new PlanningException(with.location("WINDOW_SIZE"), "'WINDOW_SIZE' should not be set without 'WINDOW_TYPE'");
      }
      return Optional.empty();
    }
    WindowInfo.Type windowType;
    try {
      windowType = WindowInfo.Type.valueOf(type.get());
    } catch (IllegalArgumentException unknown) {
      throw new PlanningException(with.location("WINDOW_TYPE"), "Unknown window type: '" + type.get()
          + "'. Valid window types are TUMBLING, HOPPING and SESSION.");
    }
    if (windowType == WindowInfo.Type.SESSION) {
      if (with.has("WINDOW_SIZE")) {
        throw new PlanningException(with.location("WINDOW_SIZE"), "'WINDOW_SIZE' should not be set for SESSION windows.");
      }
      return Optional.of(new WindowInfo(windowType, 0, 0, -1, -1));
    }
    String size = with.string("WINDOW_SIZE").orElseThrow(() -> new PlanningException(with.location("WINDOW_TYPE"),
        "'WINDOW_SIZE' is required for " + windowType + " windows."));
    long sizeMs = Durations.parse(size, with.location("WINDOW_SIZE"));
    return Optional.of(new WindowInfo(windowType, sizeMs, sizeMs, -1, -1));
  }

  private static Optional<SourceDefinition.TopicRequest> topicRequest(WithClause with, String topic) {
    Optional<Integer> partitions = with.integer("PARTITIONS");
    Optional<Short> replicas = with.integer("REPLICAS").map(Integer::shortValue);
    if (partitions.isPresent() && partitions.get() < 1) {
      throw new PlanningException(with.location("PARTITIONS"), "Invalid number of partitions: " + partitions.get());
    }
    return partitions.map(p -> new SourceDefinition.TopicRequest(topic, p, replicas));
  }
}
