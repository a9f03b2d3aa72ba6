package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An error not tied to one statement: a malformed request, an unknown path, a server fault. */
public record GenericErrorMessage(@JsonProperty("error_code") int errorCode, String message)
    implements ErrorMessage {

  public GenericErrorMessage {
    Objects.requireNonNull(message, "message");
  }
}
