package dev.millrace.planner;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.parser.ast.AlterSource;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CreateType;
import dev.millrace.parser.ast.DropSource;
import dev.millrace.parser.ast.DropType;
import dev.millrace.parser.ast.SourceKind;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.planner.analysis.FormatResolver;
import dev.millrace.planner.analysis.FormatRules;
import dev.millrace.planner.analysis.TypeResolver;
import dev.millrace.planner.analysis.WithClause;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Plans CREATE/DROP STREAM|TABLE|TYPE and ALTER: validates them and says what changes. */
final class DdlPlanner {
  private static final Set<String> CREATE_PROPERTIES =
      Set.of(
          "KAFKA_TOPIC",
          "VALUE_FORMAT",
          "KEY_FORMAT",
          "FORMAT",
          "PARTITIONS",
          "REPLICAS",
          "TIMESTAMP",
          "TIMESTAMP_FORMAT",
          "KEY_DELIMITER",
          "VALUE_DELIMITER",
          "WRAP_SINGLE_VALUE",
          "WINDOW_TYPE",
          "WINDOW_SIZE",
          "RETENTION_MS",
          "KEY_SCHEMA_ID",
          "VALUE_SCHEMA_ID",
          "KEY_SCHEMA_FULL_NAME",
          "VALUE_SCHEMA_FULL_NAME",
          "VALUE_AVRO_SCHEMA_FULL_NAME",
          "KEY_PROTOBUF_NULLABLE_REPRESENTATION",
          "VALUE_PROTOBUF_NULLABLE_REPRESENTATION");

  private final Catalog catalog;
  private final PlannerConfig config;

  DdlPlanner(Catalog catalog, PlannerConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  PlannedStatement createSource(CreateSource create, String text) {
    SourceType type = type(create.kind());
    if (create.orReplace() && create.readOnly()) {
      SourceUpgrade.refuseReadOnly(create.name(), type.lowerName(), create.location());
    }
    Optional<DataSource> existing = catalog.source(create.name());
    if (existing.isPresent()) {
      if (create.ifNotExists()) {
        return new PlannedStatement.NoChange(
            "A "
                + existing.get().type().lowerName()
                + " with the name "
                + create.name()
                + " already exists.");
      }
      checkReplace(create, existing.get(), type);
    }
    WithClause with = new WithClause(create.properties(), CREATE_PROPERTIES, create.location());
    TopicRequest topicRequest = TopicProperties.request(with, create.name(), create.location());
    String topic = topicRequest.name();
    FormatResolver.Defaults defaults = SourceProperties.defaults(config);
    SchemaInference.Inferred inferred =
        new SchemaInference(config.registry(), with, topic, create.location())
            .complete(
                columns(create),
                FormatResolver.keyFormat(with, defaults),
                FormatResolver.valueFormat(with, defaults, create.location()));
    LogicalSchema stored = inferred.schema();
    List<HeaderColumn> headers = HeaderColumns.of(create.elements(), new TypeResolver(catalog));
    LogicalSchema schema = HeaderColumns.append(stored, headers, create.location());
    if (schema.key().isEmpty() && schema.value().isEmpty()) {
      throw new PlanningException(create.location(), "The statement does not define any columns.");
    }
    if (type == SourceType.TABLE && schema.key().isEmpty()) {
      throw new PlanningException(
          create.location(), "Tables require a PRIMARY KEY. Please define the PRIMARY KEY.");
    }
    Optional<WindowInfo> window = SourceProperties.window(with, create.location());
    if (window.isPresent() && schema.key().isEmpty()) {
      throw new PlanningException(create.location(), "Windowed sources require a key column.");
    }
    Formats formats =
        FormatResolver.resolve(with, stored, window, defaults, true, create.location());
    if (inferred.unwrappedValue()) {
      FormatInfo value = formats.value();
      formats =
          new Formats(
              formats.key(), new FormatInfo(value.format(), value.options(), false), window);
    }
    formats =
        new Formats(
            pinned(formats.key(), inferred.keyId()),
            pinned(formats.value(), inferred.valueId()),
            window);
    DataSource source =
        new DataSource(
            create.name(),
            type,
            schema,
            topic,
            formats,
            SourceProperties.timestamp(with, schema, create.location()),
            create.readOnly(),
            false,
            text,
            headers);
    if (existing.isPresent()) {
      SourceUpgrade.checkCompatible(existing.get(), source, create.location());
    }
    return new PlannedStatement.CatalogUpdate(
        new CatalogChange.AddSource(source, existing.isPresent()),
        Optional.of(topicRequest),
        Optional.empty());
  }

  /** {@code format} writing with the registered schema {@code id}, when there is one. */
  private static FormatInfo pinned(FormatInfo format, OptionalInt id) {
    if (id.isEmpty()) {
      return format;
    }
    Map<String, String> options = new HashMap<>(format.options());
    options.put(SerdeFactory.SCHEMA_ID, String.valueOf(id.getAsInt()));
    return new FormatInfo(format.format(), options, format.wrapped());
  }

  private static void checkReplace(CreateSource create, DataSource existing, SourceType type) {
    if (!create.orReplace()) {
      throw new PlanningException(
          create.location(),
          "Cannot add "
              + type.lowerName()
              + " '"
              + create.name()
              + "': A "
              + existing.type().lowerName()
              + " with the same name already exists");
    }
    SourceUpgrade.checkReplaceable(existing, type.lowerName(), false, create.location());
  }

  private LogicalSchema columns(CreateSource create) {
    SourceType type = type(create.kind());
    TypeResolver types = new TypeResolver(catalog);
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TableElement element : create.elements()) {
      checkElement(element, type, names);
      if (HeaderColumns.isHeader(element)) {
        continue;
      }
      Column column = new Column(element.name(), types.resolve(element.type(), element.location()));
      (element.isKey() ? key : value).add(column);
    }
    return new LogicalSchema(key, value);
  }

  private static void checkElement(TableElement element, SourceType type, Set<String> names) {
    if (SourceColumns.isPseudoColumn(element.name())) {
      throw new PlanningException(
          element.location(),
          "'"
              + element.name()
              + "' is a reserved column name. "
              + "You cannot use it as a name for a column.");
    }
    if (!names.add(element.name())) {
      throw new PlanningException(
          element.location(), "Duplicate column names: `" + element.name() + "`");
    }
    if (type == SourceType.TABLE && element.kind() == TableElement.Kind.KEY) {
      throw new PlanningException(
          element.location(),
          "Column `"
              + element.name()
              + "` is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
    }
    if (type == SourceType.STREAM && element.kind() == TableElement.Kind.PRIMARY_KEY) {
      throw new PlanningException(
          element.location(),
          "Column `"
              + element.name()
              + "` is a 'PRIMARY KEY' column: please use 'KEY' for streams.");
    }
  }

  PlannedStatement alterSource(AlterSource alter) {
    SourceType type = type(alter.kind());
    DataSource source =
        catalog
            .source(alter.name())
            .orElseThrow(
                () ->
                    new PlanningException(
                        alter.location(), "Source " + alter.name() + " does not exist."));
    String what = "Cannot alter " + type.lowerName() + " '" + alter.name() + "': ";
    if (source.type() != type) {
      throw new PlanningException(
          alter.location(), what + "it is a " + source.type().lowerName() + ".");
    }
    if (source.readOnly()) {
      throw new PlanningException(
          alter.location(),
          what + "ALTER operations are not supported on source " + type.lowerName() + "s.");
    }
    if (source.createdByQuery()) {
      throw new PlanningException(
          alter.location(), "ALTER command is not supported for CREATE ... AS statements.");
    }
    TypeResolver types = new TypeResolver(catalog);
    List<Column> value = new ArrayList<>(source.storedSchema().value());
    for (TableElement element : alter.addedColumns()) {
      if (source.schema().find(element.name()).isPresent()
          || value.stream().anyMatch(c -> c.name().equals(element.name()))) {
        throw new PlanningException(
            element.location(),
            "Cannot add column `"
                + element.name()
                + "` to schema. A column with the same name already exists.");
      }
      if (element.kind() != TableElement.Kind.VALUE) {
        throw new PlanningException(
            element.location(), "ALTER can only add value columns: `" + element.name() + "`");
      }
      value.add(new Column(element.name(), types.resolve(element.type(), element.location())));
    }
    FormatRules.checkColumns(source.formats().value().format(), value, false, alter.location());
    // Header columns stay last, after the stored columns.
    source.headers().forEach(h -> value.add(new Column(h.name(), h.type())));
    LogicalSchema schema = new LogicalSchema(source.schema().key(), value);
    DataSource altered =
        new DataSource(
            source.name(),
            source.type(),
            schema,
            source.topic(),
            source.formats(),
            source.timestamp(),
            source.readOnly(),
            source.createdByQuery(),
            source.sqlText(),
            source.headers());
    return new PlannedStatement.CatalogUpdate(
        new CatalogChange.AddSource(altered, true), Optional.empty(), Optional.empty());
  }

  PlannedStatement dropSource(DropSource drop) {
    SourceType type = type(drop.kind());
    Optional<DataSource> found = catalog.source(drop.name());
    if (found.isEmpty()) {
      if (drop.ifExists()) {
        return new PlannedStatement.NoChange(
            capitalized(type) + " " + drop.name() + " does not exist.");
      }
      throw new PlanningException(
          drop.location(), capitalized(type) + " " + drop.name() + " does not exist");
    }
    DataSource source = found.get();
    if (source.type() != type) {
      throw new PlanningException(
          drop.location(),
          "Incompatible data source type is " + source.type() + ", but statement was DROP " + type);
    }
    List<String> readers = catalog.readersOf(source.name());
    List<String> writers = catalog.writersOf(source.name());
    if (!readers.isEmpty() || !writers.isEmpty()) {
      throw new PlanningException(
          drop.location(),
          "Cannot drop "
              + source.name()
              + ".\n"
              + "The following queries read from this source: "
              + readers
              + ".\n"
              + "The following queries write into this source: "
              + writers
              + ".\n"
              + "You need to terminate them before dropping "
              + source.name()
              + ".");
    }
    if (drop.deleteTopic() && source.readOnly()) {
      throw new PlanningException(
          drop.location(), "Cannot delete topic for read-only source: " + source.name());
    }
    return new PlannedStatement.CatalogUpdate(
        new CatalogChange.RemoveSource(source.name()),
        Optional.empty(),
        drop.deleteTopic() ? Optional.of(source.topic()) : Optional.empty());
  }

  PlannedStatement createType(CreateType create) {
    if (catalog.type(create.name()).isPresent()) {
      if (create.ifNotExists()) {
        return new PlannedStatement.NoChange("Type " + create.name() + " already exists.");
      }
      throw new PlanningException(
          create.location(),
          "Cannot register custom type '"
              + create.name()
              + "' since it is already registered with type: "
              + catalog.type(create.name()).get().toSql());
    }
    return new PlannedStatement.CatalogUpdate(
        new CatalogChange.AddType(
            create.name(), new TypeResolver(catalog).resolve(create.type(), create.location())),
        Optional.empty(),
        Optional.empty());
  }

  PlannedStatement dropType(DropType drop) {
    if (catalog.type(drop.name()).isEmpty()) {
      if (drop.ifExists()) {
        return new PlannedStatement.NoChange("Type " + drop.name() + " does not exist.");
      }
      throw new PlanningException(drop.location(), "Type " + drop.name() + " does not exist.");
    }
    return new PlannedStatement.CatalogUpdate(
        new CatalogChange.RemoveType(drop.name()), Optional.empty(), Optional.empty());
  }

  static SourceType type(SourceKind kind) {
    return kind == SourceKind.STREAM ? SourceType.STREAM : SourceType.TABLE;
  }

  private static String capitalized(SourceType type) {
    return type == SourceType.STREAM ? "Stream" : "Table";
  }
}
