package dev.millrace.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.ErrorMessage;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends whole (non-streamed) JSON responses. */
final class JsonResponses {

  private JsonResponses() {}

  /** Sends {@code body} as the complete response and completes {@code callback}. */
  static void send(
      Response response, Callback callback, int status, String contentType, Object body) {
    send(response, callback, status, contentType, ApiJson.mapper().writer(), body);
  }

  /** As {@link #send(Response, Callback, int, String, Object)} with a specific writer. */
  static void send(
      Response response,
      Callback callback,
      int status,
      String contentType,
      ObjectWriter writer,
      Object body) {
    byte[] bytes;
    try {
      bytes = writer.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Sends an error with the HTTP status its code implies, as {@code application/json}. */
  static void sendError(Response response, Callback callback, ErrorMessage error) {
    send(response, callback, error.httpStatus(), MediaTypes.JSON, error);
  }
}
