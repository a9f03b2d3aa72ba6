package dev.millrace.server.http;

import dev.millrace.server.service.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a request body into lines as it arrives: each line's bytes without its {@code \n} (or
 * {@code \r\n}), the last one also when no newline ends it. A line longer than the limit is refused
 * (413) rather than held in memory whole.
 */
final class BodyLines {

  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  BodyLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line, waiting for it to arrive; null at the end of the body.
   *
   * @throws ApiException (41300) when the line is longer than the limit
   */
  byte[] next() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return withoutCarriageReturn();
      }
      if (line.size() == maxLineBytes) {
        throw new ApiException(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "A line of the request body is longer than " + maxLineBytes + " bytes");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : withoutCarriageReturn();
  }

  private byte[] withoutCarriageReturn() {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      return java.util.Arrays.copyOf(bytes, length - 1);
    }
    return bytes;
  }
}
