package dev.millrace.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.service.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's JSON body into an API record, turning every kind of bad input into a 400.
 * Fields the record does not have are ignored, on every endpoint alike: ksqlDB's clients send some
 * that Millrace has no use for. (The body itself was read, within its limits, by {@link
 * BufferedBodies}.)
 */
final class JsonBodies {

  /** Jackson's pointer into its own input, which means nothing to the client. */
  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)");

  private JsonBodies() {}

  /** Checks the content type, reads the body and maps it onto {@code type}. */
  static <T> T read(Request request, Class<T> type) throws IOException {
    MediaTypes.requireJsonBody(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    return parse(readBytes(request), type);
  }

  /** Maps the JSON text {@code body} onto {@code type}; every kind of bad input is a 400. */
  static <T> T parse(byte[] body, Class<T> type) throws IOException {
    if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "Request body is empty; expected a JSON object");
    }
    T value;
    try {
      value = ApiJson.lenientMapper().readValue(body, type);
    } catch (JacksonException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, describe(e));
    }
    if (value == null) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "Request body must be a JSON object");
    }
    return value;
  }

  private static byte[] readBytes(Request request) throws IOException {
    try (InputStream in = Request.asInputStream(request)) {
      return in.readAllBytes();
    }
  }

  private static String describe(JacksonException e) {
    if (e instanceof MismatchedInputException mismatch) {
      if (mismatch.getOriginalMessage().startsWith("Trailing token")) {
        return "Request body has content after the JSON object" + at(e.getLocation());
      }
      String field = fieldPath(mismatch);
      return field.isEmpty()
          ? "Request body must be a JSON object"
          : "Field '" + field + "' in request body has the wrong type";
    }
    return "Invalid JSON in request body"
        + at(e.getLocation())
        + ": "
        + SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("");
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
