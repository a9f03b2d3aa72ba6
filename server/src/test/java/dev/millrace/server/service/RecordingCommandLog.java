package dev.millrace.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps what an engine logs as the command topic would: each command encoded and read back. */
final class RecordingCommandLog implements CommandSink {
  final List<LoggedCommand> logged = new ArrayList<>();

  @Override
  public long append(
      String statement,
      Map<String, String> properties,
      Optional<StoredQuery> query,
      Optional<StoredSource> source) {
    long offset = logged.size();
    try {
      logged.add(
          CommandCodec.decode(
              offset, CommandCodec.encode(offset, statement, properties, query, source)));
    } catch (CommandCodec.MalformedCommand unreadable) {
      throw new AssertionError(unreadable);
    }
    return offset;
  }
}
