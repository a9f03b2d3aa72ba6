package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.config.KsqlSetting;
import dev.millrace.server.config.KsqlSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/settings.md} true to {@link KsqlSettings}: its two tables of ksqlDB settings
 * list exactly the catalogue's honoured and refused settings, in its order, with its defaults,
 * scopes and reasons.
 */
class SettingsDocsTest {
  private static final String HONOURED = "## ksqlDB settings Millrace honours";
  private static final String REFUSED = "## ksqlDB settings Millrace refuses";

  @Test
  void theHonouredTableIsTheCatalogues() throws IOException {
    List<String> expected = new ArrayList<>();
    for (KsqlSetting setting : KsqlSettings.ALL) {
      if (setting instanceof KsqlSetting.Honoured honoured) {
        expected.add(
            "| `"
                + honoured.name()
                + "` | "
                + value(honoured.defaultValue())
                + " | "
                + (honoured.scope() == KsqlSetting.Scope.SERVER ? "server" : "server, per query")
                + " | "
                + honoured.meaning()
                + " |");
      }
    }
    assertEquals(String.join("\n", expected), String.join("\n", rowsUnder(HONOURED)));
  }

  @Test
  void theRefusedTableIsTheCatalogues() throws IOException {
    List<String> expected = new ArrayList<>();
    for (KsqlSetting setting : KsqlSettings.ALL) {
      if (setting instanceof KsqlSetting.Refused refused) {
        expected.add("| `" + refused.name() + "` | " + refused.instead() + " |");
      }
    }
    assertEquals(String.join("\n", expected), String.join("\n", rowsUnder(REFUSED)));
  }

  /** A literal value in code font; a description such as "(none)" as it is. */
  private static String value(String text) {
    return text.startsWith("(") || text.contains(" ") ? text : "`" + text + "`";
  }

  /** The table rows naming a {@code ksql.} setting in the section under {@code heading}. */
  private static List<String> rowsUnder(String heading) throws IOException {
    List<String> lines =
        Files.readAllLines(
            RepositoryPaths.root().resolve("docs/settings.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf(heading);
    List<String> rows = new ArrayList<>();
    for (int i = start + 1;
        start >= 0 && i < lines.size() && !lines.get(i).startsWith("## ");
        i++) {
      if (lines.get(i).startsWith("| `ksql.")) {
        rows.add(lines.get(i));
      }
    }
    return rows;
  }
}
