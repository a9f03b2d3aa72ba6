package dev.millrace.server.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The one Jackson configuration for the REST API's JSON. */
public final class ApiJson {

  private static final ObjectMapper STRICT =
      base().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final ObjectMapper LENIENT =
      base().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ApiJson() {}

  /**
   * The mapper that writes every API record. It reads strictly, rejecting unknown fields, so tests
   * can check that what is written reads back as written.
   */
  public static ObjectMapper mapper() {
    return STRICT;
  }

  /**
   * The mapper for reading another party's JSON: it ignores fields it does not know. The server
   * reads request bodies with it (ksqlDB's clients send fields Millrace has no use for), and
   * clients read answers with it (a newer server may add fields).
   */
  public static ObjectMapper lenientMapper() {
    return LENIENT;
  }

  private static JsonMapper.Builder base() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // A number or boolean where text belongs is a client mistake, not something to guess at.
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
