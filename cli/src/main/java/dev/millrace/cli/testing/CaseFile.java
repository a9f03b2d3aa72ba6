package dev.millrace.cli.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A file of compatibility cases. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseFile(String source, List<TestCase> tests) {
  public CaseFile {
    tests = tests == null ? List.of() : List.copyOf(tests);
  }
}
