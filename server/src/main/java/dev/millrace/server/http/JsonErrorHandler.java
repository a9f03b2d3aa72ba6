package dev.millrace.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.GenericErrorMessage;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty itself raises (unparsable HTTP, oversized headers, failures outside the resources)
 * answered in ksqlDB's JSON shape instead of an HTML page, and without stack traces.
 */
final class JsonErrorHandler extends ErrorHandler {

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MediaTypes.JSON));
    return ByteBuffer.wrap(body(status, reason));
  }

  /** ksqlDB's error body for an HTTP status raised outside the resources. */
  static byte[] body(int status, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    try {
      return ApiJson.mapper().writeValueAsBytes(new GenericErrorMessage(status * 100, text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
