package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.ExtensionJars;
import dev.millrace.engine.function.FunctionDescription;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.function.Udf;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/udf.md} true: the example functions are shown in full, and built as the page
 * says, they load from an extension directory, are described as the page says, and the shown test
 * run prints what the page says.
 */
class UdfDocsTest {
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = RepositoryPaths.root();
  private static final Path EXAMPLES = ROOT.resolve("docs/examples/udf");

  @TempDir static Path work;
  private static Path ext;

  /** javac and jar, as the page's build steps do; once, as javac takes seconds. */
  @BeforeAll
  static void buildTheExampleJar() throws Exception {
    Path build = Files.createDirectories(work.resolve("build"));
    ext = Files.createDirectories(work.resolve("ext"));
    String engine =
        Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> args = new ArrayList<>(List.of("-cp", engine, "-d", build.toString()));
    for (Path source : examples(".java")) {
      args.add(source.toString());
    }
    int status =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertEquals(0, status, "javac failed");
    try (JarOutputStream out =
            new JarOutputStream(Files.newOutputStream(ext.resolve("examples.jar")));
        Stream<Path> files = Files.walk(build)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(build.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  private static List<Path> examples(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void theExampleFilesAreShownInFull() throws IOException {
    for (Path source : examples(".java")) {
      assertTrue(blocks("java").contains(Files.readString(source).strip()), source.toString());
    }
    for (Path script : examples(".sql")) {
      assertTrue(blocks("sql").contains(Files.readString(script).strip()), script.toString());
    }
  }

  @Test
  void theFunctionsAreListedAndDescribedAsThePageSays() {
    ExtensionJars.Loaded loaded = ExtensionJars.load(ext, FunctionRegistry.builtIns());

    assertEquals(List.of(), loaded.skipped());
    FunctionDescription shout = loaded.functions().describe("SHOUT").orElseThrow();
    assertEquals(FunctionDescription.Kind.SCALAR, shout.kind());
    assertEquals("OTHER", shout.category());
    assertEquals("Upper-cases a string and adds an exclamation mark.", shout.description());
    assertEquals(ext.resolve("examples.jar").toAbsolutePath().toString(), shout.path());
    assertEquals(
        List.of("(STRING) => STRING"),
        shout.variants().stream().map(FunctionDescription.Variant::toSql).toList());
    assertTrue(loaded.functions().list().contains(shout));
    FunctionDescription average = loaded.functions().describe("WEIGHTED_AVG").orElseThrow();
    assertEquals(FunctionDescription.Kind.AGGREGATE, average.kind());
    assertEquals(List.of("WEIGHTED_AVG(DOUBLE, INTEGER) => DOUBLE"), average.signatures());
  }

  @Test
  void theShownTestRunPrintsWhatThePageSays() throws Exception {
    String run =
        blocks("").stream()
            .filter(b -> b.startsWith("$ bin/millrace test "))
            .findFirst()
            .orElseThrow();
    String[] lines = run.split("\n", 2);
    List<String> args = new ArrayList<>();
    for (String arg : lines[0].substring("$ bin/millrace test ".length()).split("\\s+")) {
      args.add(
          arg.equals("ext")
              ? ext.toString()
              : arg.startsWith("-") ? arg : ROOT.resolve(arg).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Optional<CaseSessionFactory> engine = Optional.of(CaseSessionFactory.find().orElseThrow());

    int status =
        new TestSubcommand(
                print, print, () -> new TestCommand(engine, TestCommand.TEST_TIMEOUT_MILLIS))
            .run(args);

    // The page runs from the repository's root, where the files' paths are relative.
    String printed = out.toString(StandardCharsets.UTF_8).replace(ROOT + File.separator, "");
    assertEquals(lines[1], printed, lines[0]);
    assertEquals(0, status, lines[0]);
  }

  /** The contents of the page's code blocks of this language ("" for plain blocks). */
  private static List<String> blocks(String language) throws IOException {
    Matcher block = CODE_BLOCK.matcher(Files.readString(ROOT.resolve("docs/udf.md")));
    List<String> found = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).equals(language)) {
        found.add(language.isEmpty() ? block.group(2) : block.group(2).strip());
      }
    }
    return found;
  }
}
