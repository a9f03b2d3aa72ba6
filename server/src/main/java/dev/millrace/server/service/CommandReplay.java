package dev.millrace.server.service;

import java.util.List;

/**
 * The result of reading the command log from the beginning.
 *
 * @param commands the readable commands in log order
 * @param skipped one line per record that could not be read, naming its offset and why; these
 *     records are left out of {@code commands}
 * @param end the offset the replay read up to: where following the log live starts
 */
public record CommandReplay(List<LoggedCommand> commands, List<String> skipped, long end) {

  public CommandReplay {
    commands = List.copyOf(commands);
    skipped = List.copyOf(skipped);
  }
}
