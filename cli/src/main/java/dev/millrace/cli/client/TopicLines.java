package dev.millrace.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A running PRINT's text lines as they arrive. One thread reads with {@link #nextLine()}; any
 * thread may {@link #close()} it, which ends the read in progress and, with the connection, the
 * PRINT on the server.
 */
public final class TopicLines implements AutoCloseable {
  private final InputStream body;
  private final BufferedReader lines;
  private volatile boolean closed;

  TopicLines(InputStream body) {
    this.body = body;
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** The next line; empty when the PRINT ended (its LIMIT) or was closed. */
  public Optional<String> nextLine() throws MillraceClientException {
    while (!closed) {
      String line;
      try {
        line = lines.readLine();
      } catch (IOException e) {
        if (closed) {
          break;
        }
        throw new ServerErrorException(
            -1, "The connection broke while printing: " + e.getMessage(), null, List.of());
      }
      if (line == null) {
        return Optional.empty();
      }
      // Blank lines keep an idle connection alive; they are not records.
      if (!line.isEmpty()) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** Whether {@link #close()} stopped it. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // Close the raw stream, not the reader: the reader's lock is held by a blocked readLine().
      body.close();
    } catch (IOException ignored) {
      // Closing a broken connection cannot fail in a way that matters to the caller.
    }
  }
}
