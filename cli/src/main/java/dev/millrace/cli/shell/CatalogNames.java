package dev.millrace.cli.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.client.MillraceClientException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names of the server's streams and tables and of their columns, as tab completion offers them:
 * plain upper-case names as they are, others back-quoted so they can be typed back.
 */
record CatalogNames(List<String> sources, List<String> columns) {

  static final CatalogNames NONE = new CatalogNames(List.of(), List.of());
  private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_]*");

  CatalogNames {
    sources = List.copyOf(sources);
    columns = List.copyOf(columns);
  }

  /** Asks the server: SHOW STREAMS and TABLES, then one DESCRIBE per source, in two requests. */
  static CatalogNames load(MillraceClient client, Map<String, String> properties)
      throws MillraceClientException {
    TreeSet<String> sources = new TreeSet<>();
    for (JsonNode entity : client.execute("SHOW STREAMS; SHOW TABLES;", properties)) {
      entity.path("streams").forEach(source -> sources.add(source.path("name").asText()));
      entity.path("tables").forEach(source -> sources.add(source.path("name").asText()));
    }
    TreeSet<String> columns = new TreeSet<>();
    if (!sources.isEmpty()) {
      StringBuilder describe = new StringBuilder();
      sources.forEach(source -> describe.append("DESCRIBE ").append(typeable(source)).append("; "));
      for (JsonNode entity : client.execute(describe.toString().strip(), properties)) {
        entity
            .path("sourceDescription")
            .path("fields")
            .forEach(field -> columns.add(field.path("name").asText()));
      }
    }
    return new CatalogNames(
        sources.stream().map(CatalogNames::typeable).toList(),
        columns.stream().map(CatalogNames::typeable).toList());
  }

  private static String typeable(String name) {
    return PLAIN.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
  }
}
