package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.parser.ast.DefineVariable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

  @Test
  void replacesReferencesCaseInsensitivelyAlsoInStrings() {
    assertEquals(
        "CREATE STREAM s1 WITH (kafka_topic='t1', replicas=3)",
        VariableSubstitution.apply(
            "CREATE STREAM ${streamName} WITH (kafka_topic='${TOPICNAME}', replicas=${r})",
            Map.of("streamName", "s1", "topicName", "t1", "R", "3")));
  }

  @Test
  void doubledDollarEscapesAReference() {
    assertEquals(
        "SELECT '${x}', 1 FROM s",
        VariableSubstitution.apply("SELECT '$${x}', ${x} FROM s", Map.of("x", "1")));
  }

  @Test
  void anUndefinedReferenceIsAnErrorAtItsPosition() {
    ParseException undefined =
        assertThrows(
            ParseException.class,
            () ->
                VariableSubstitution.apply(
                    "CREATE STREAM s\n  WITH (kafka_topic='${nope}');", Map.of("x", "1")));

    assertEquals(
        "line 2:22: Variable 'nope' is not defined; define it first with DEFINE nope = '...';",
        undefined.getMessage());
    assertEquals("  WITH (kafka_topic='${nope}');\n" + " ".repeat(21) + "^", undefined.snippet());
  }

  @Test
  void anEscapedReferenceNeedsNoDefinition() {
    assertEquals(
        "SELECT '${nope}' FROM s",
        VariableSubstitution.apply("SELECT '$${nope}' FROM s", Map.of()));
  }

  @Test
  void tripleQuotedDefinitionsKeepTheirQuotes() {
    DefineVariable define =
        (DefineVariable) new SqlParser().parseStatement("DEFINE topicName = '''my_topic'''");
    assertEquals("topicName", define.name());
    assertEquals("'my_topic'", define.value());
    assertEquals(
        "PRINT 'my_topic'",
        VariableSubstitution.apply("PRINT ${topicName}", Map.of(define.name(), define.value())));
  }
}
