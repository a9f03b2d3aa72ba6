package dev.millrace.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {

  private static final List<String> OFFERED =
      List.of(MediaTypes.DELIMITED, MediaTypes.JSON, MediaTypes.KSQL_V1_JSON);

  @ParameterizedTest(name = "Accept ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "NONE | application/vnd.ksqlapi.delimited.v1",
        "*/* | application/vnd.ksqlapi.delimited.v1",
        "application/json | application/json",
        "application/json; charset=utf-8 | application/json",
        "application/vnd.ksql.v1+json | application/vnd.ksql.v1+json",
        "application/json;q=0.5, application/vnd.ksql.v1+json | application/vnd.ksql.v1+json",
        "text/html, application/* ;q=0.1 | application/vnd.ksqlapi.delimited.v1",
        "application/json;q=0 | NONE",
        "text/csv | NONE",
      })
  void negotiates(String accept, String expected) {
    assertEquals(Optional.ofNullable(expected), MediaTypes.negotiate(accept, OFFERED));
  }
}
