package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueSpecComparisonTest {

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\": 1}                | {\"A\": 1}",
        "{\"A\": 1}                | {\"A\": 1}",
        "{\"s\": {\"x\": \"y\"}}   | {\"S\": {\"X\": \"y\"}}",
        "\"12.50\"                 | 12.5",
        "12.50                     | 12.5",
        "\"-0.1\"                  | -0.10",
        "1                         | 1.0",
        "[1, 2]                    | [1, 2]",
        "null                      | null",
        "\"text\"                  | \"text\"",
        "true                      | true",
      })
  void matches(String expected, String actual) {
    assertEquals(Optional.empty(), ValueSpecComparison.difference(json(expected), json(actual)));
  }

  @ParameterizedTest(name = "{0} differs from {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\": 1}           | {\"a\": 1, \"b\": 2}  | expected {\"a\":1} but was {\"a\":1,\"b\":2}",
        "{\"a\": 1}           | {\"b\": 1}            | missing field a in {\"b\":1}",
        "{\"a\": 1}           | {\"A\": 2}            | a: expected 1 but was 2",
        "{\"a\": [1, {\"b\": 2}]} | {\"A\": [1, {\"B\": 3}]} | a[1].b: expected 2 but was 3",
        "[1, 2]               | [1, 2, 3]            | expected [1,2] but was [1,2,3]",
        "\"10\"               | \"10.0\"             | expected \"10\" but was \"10.0\"",
        "10                   | \"10\"               | expected 10 but was \"10\"",
        "\"ten\"              | 10                   | expected \"ten\" but was 10",
        "null                 | 0                    | expected null but was 0",
        "0                    | null                 | expected 0 but was null",
        "\"Text\"             | \"text\"             | expected \"Text\" but was \"text\"",
        "12.5                 | 12.51                | expected 12.5 but was 12.51",
      })
  void differs(String expected, String actual, String difference) {
    assertEquals(
        Optional.of(difference), ValueSpecComparison.difference(json(expected), json(actual)));
  }

  @Test
  void doublesMatchWithinOneMillionth() {
    assertEquals(
        Optional.empty(),
        ValueSpecComparison.difference(json("0.3"), DoubleNode.valueOf(0.1 + 0.2)));
    assertEquals(
        Optional.empty(),
        ValueSpecComparison.difference(json("2.0"), DoubleNode.valueOf(2.0000005)));
    assertEquals(
        Optional.of("expected 2.0 but was 2.00001"),
        ValueSpecComparison.difference(json("2.0"), DoubleNode.valueOf(2.00001)));
  }

  @Test
  void largeDoublesMatchRelativeToTheirSize() {
    assertEquals(
        Optional.empty(),
        ValueSpecComparison.difference(json("1000000000000"), DoubleNode.valueOf(1.0E12 + 100)));
    assertEquals(
        Optional.of("expected 1000000000000 but was 1.00001E12"),
        ValueSpecComparison.difference(json("1000000000000"), DoubleNode.valueOf(1.00001E12)));
  }

  @Test
  void aMissingActualValueIsNull() {
    assertEquals(Optional.empty(), ValueSpecComparison.difference(json("null"), null));
    assertEquals(
        Optional.of("expected 1 but was null"), ValueSpecComparison.difference(json("1"), null));
  }
}
