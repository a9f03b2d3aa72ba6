package dev.millrace.cli.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pass counts of the compatibility suite, overall, for "plain" cases (those with no {@code
 * requires} tag), and per file.
 */
final class CompatCounts {
  private final List<FileCount> files = new ArrayList<>();

  /** One file's counts. */
  record FileCount(String file, int passed, int total, int plainPassed, int plainTotal) {}

  /** Adds a file's results; a case is plain when the file lists it with no {@code requires} tag. */
  void add(String file, CaseFile cases, List<CaseResult> results) {
    Set<String> plain =
        cases.tests().stream()
            .filter(t -> t.requires().isEmpty())
            .map(TestCase::name)
            .collect(Collectors.toSet());
    int passed = 0;
    int plainPassed = 0;
    for (CaseResult result : results) {
      if (result.status() == CaseResult.Status.PASS) {
        passed++;
        plainPassed += plain.contains(result.test()) ? 1 : 0;
      }
    }
    files.add(new FileCount(file, passed, cases.tests().size(), plainPassed, plain.size()));
  }

  int passed() {
    return files.stream().mapToInt(FileCount::passed).sum();
  }

  int total() {
    return files.stream().mapToInt(FileCount::total).sum();
  }

  int plainPassed() {
    return files.stream().mapToInt(FileCount::plainPassed).sum();
  }

  int plainTotal() {
    return files.stream().mapToInt(FileCount::plainTotal).sum();
  }

  List<FileCount> files() {
    return List.copyOf(files);
  }

  /** The headline: {@code compat: 812/1787 passed overall (45.4%), 640/979 plain (65.4%)}. */
  String headline() {
    return "compat: "
        + passed()
        + "/"
        + total()
        + " passed overall ("
        + percent(passed(), total())
        + "), "
        + plainPassed()
        + "/"
        + plainTotal()
        + " plain ("
        + percent(plainPassed(), plainTotal())
        + ")";
  }

  /** The headline, then a line per file. */
  String table() {
    int width = files.stream().mapToInt(f -> f.file().length()).max().orElse(4);
    StringBuilder out = new StringBuilder(headline()).append('\n');
    for (FileCount f : files) {
      out.append(
          String.format(
              "  %-" + width + "s %4d/%-4d plain %4d/%d%n",
              f.file(),
              f.passed(),
              f.total(),
              f.plainPassed(),
              f.plainTotal()));
    }
    return out.toString();
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
