package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of the properties Millrace knows: property, value, then the exact problem (empty when
 * accepted).
 */
class PropertyValuesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      auto.offset.reset                   | earliest  |
      auto.offset.reset                   | LATEST    |
      auto.offset.reset                   | none      |
      auto.offset.reset                   | zzz       | Invalid value 'zzz' for property 'auto.offset.reset': it must be one of earliest, latest, none.
      ksql.streams.auto.offset.reset      | beginning | Invalid value 'beginning' for property 'ksql.streams.auto.offset.reset': it must be one of earliest, latest, none.
      processing.guarantee                | exactly_once_v2 |
      processing.guarantee                | at_least_once   |
      processing.guarantee                | twice     | Invalid value 'twice' for property 'processing.guarantee': it must be one of at_least_once, exactly_once, exactly_once_beta, exactly_once_v2.
      commit.interval.ms                  | 100       |
      commit.interval.ms                  | -1        | Invalid value '-1' for property 'commit.interval.ms': it must be a whole number of at least 0.
      ksql.streams.cache.max.bytes.buffering | 1.5    | Invalid value '1.5' for property 'ksql.streams.cache.max.bytes.buffering': it must be a whole number of at least 0.
      num.stream.threads                  | 0         | Invalid value '0' for property 'num.stream.threads': it must be a whole number of at least 1.
      ksql.persistence.wrap.single.values | False     |
      ksql.persistence.wrap.single.values | yes       | Invalid value 'yes' for property 'ksql.persistence.wrap.single.values': it must be one of true, false.
      some.unknown.property               | anything  |
      """)
  void checksTheValuesOfKnownProperties(String name, String value, String problem) {
    assertEquals(Optional.ofNullable(problem), PropertyValues.problem(name, value));
  }

  @Test
  void aRequestWithAWrongValueIsABadRequest() {
    EngineException error =
        assertThrows(
            EngineException.class,
            () ->
                PropertyValues.checkRequest(
                    Map.of("commit.interval.ms", 1000, "num.stream.threads", -2)));

    assertEquals(ErrorCode.BAD_REQUEST, error.errorCode());
    assertEquals(
        "Invalid value '-2' for property 'num.stream.threads': it must be a whole number of at least 1.",
        error.getMessage());
  }
}
