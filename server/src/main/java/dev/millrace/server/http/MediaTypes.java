package dev.millrace.server.http;

import dev.millrace.server.service.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The media types the API speaks, request content-type checks and Accept negotiation. */
final class MediaTypes {

  /** ksqlDB's versioned JSON type, sent and accepted by its shell. */
  static final String KSQL_V1_JSON = "application/vnd.ksql.v1+json";

  static final String JSON = "application/json";

  /** {@code /query-stream}'s default: a header line, then one JSON array per row and line. */
  static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";

  /**
   * What {@code curl -d} sends when no type is given. ksqlDB's documented curl examples rely on it
   * being read as JSON, so it is accepted as JSON.
   */
  static final String CURL_DEFAULT = "application/x-www-form-urlencoded";

  private static final List<String> JSON_BODIES =
      List.of(KSQL_V1_JSON, JSON, DELIMITED, "application/vnd.ksql.v2+json", CURL_DEFAULT);

  private MediaTypes() {}

  /** Rejects a request body whose declared type is not one of the JSON types ksqlDB accepts. */
  static void requireJsonBody(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String type = baseType(contentType);
    if (!JSON_BODIES.contains(type)) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported content type '" + type + "'; send JSON as " + KSQL_V1_JSON + " or " + JSON);
    }
  }

  /**
   * Picks the first of {@code offered} the Accept header allows, preferring higher quality. A
   * missing header, or one allowing anything, picks {@code offered.get(0)}.
   */
  static Optional<String> negotiate(String accept, List<String> offered) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(offered.get(0));
    }
    List<Preference> preferences = new ArrayList<>();
    for (String part : accept.split(",")) {
      preferences.add(Preference.parse(part));
    }
    preferences.sort(Comparator.comparingDouble(Preference::quality).reversed());
    for (Preference preference : preferences) {
      if (preference.quality() <= 0) {
        continue;
      }
      for (String type : offered) {
        if (preference.matches(type)) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The type of a whole JSON response: ksqlDB's versioned type when the client asks for it,
   * otherwise plain JSON. Fails with 406 when the client accepts neither.
   */
  static String jsonResponseType(String accept) {
    return negotiate(accept, List.of(JSON, KSQL_V1_JSON))
        .orElseThrow(() -> notAcceptable(accept, List.of(JSON, KSQL_V1_JSON)));
  }

  static ApiException notAcceptable(String accept, List<String> offered) {
    return new ApiException(
        ErrorCode.NOT_ACCEPTABLE,
        "Cannot respond with any type in Accept '"
            + accept
            + "'; this resource produces "
            + String.join(", ", offered));
  }

  static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private record Preference(String type, double quality) {

    static Preference parse(String part) {
      double quality = 1.0;
      String[] pieces = part.split(";");
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim();
        if (parameter.startsWith("q=")) {
          quality = parseQuality(parameter.substring(2));
        }
      }
      return new Preference(baseType(pieces[0]), quality);
    }

    private static double parseQuality(String value) {
      try {
        return Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    boolean matches(String offered) {
      if (type.equals("*/*") || type.equals(offered)) {
        return true;
      }
      return type.endsWith("/*") && offered.startsWith(type.substring(0, type.length() - 1));
    }
  }
}
