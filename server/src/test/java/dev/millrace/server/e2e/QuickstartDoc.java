package dev.millrace.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code docs/quickstart.md}: the text of its {@code ```sql} blocks, grouped by the
 * {@code ##} section they appear in, in the order a reader meets them.
 */
record QuickstartDoc(List<Section> sections) {

  /** One {@code ##} section: its heading and the SQL of its sql blocks. */
  record Section(String heading, String sql) {}

  /** Reads {@code docs/quickstart.md} from the repository that holds the working directory. */
  static QuickstartDoc read() throws IOException {
    return parse(Files.readAllLines(repositoryRoot().resolve("docs/quickstart.md")));
  }

  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/quickstart.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no docs/quickstart.md above " + Path.of("").toAbsolutePath());
  }

  static QuickstartDoc parse(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    String heading = "";
    StringBuilder sql = new StringBuilder();
    boolean inSql = false;
    for (String line : lines) {
      if (inSql) {
        if (line.startsWith("```")) {
          inSql = false;
        } else {
          sql.append(line).append('\n');
        }
      } else if (line.startsWith("```sql")) {
        inSql = true;
      } else if (line.startsWith("## ")) {
        addSection(sections, heading, sql);
        heading = line.substring(3).trim();
        sql.setLength(0);
      }
    }
    addSection(sections, heading, sql);
    return new QuickstartDoc(List.copyOf(sections));
  }

  private static void addSection(List<Section> sections, String heading, StringBuilder sql) {
    if (!sql.isEmpty()) {
      sections.add(new Section(heading, sql.toString()));
    }
  }
}
