package dev.millrace.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code millrace shell [URL] [--file FILE | --execute STATEMENTS] [--user USER
 * [--password PASSWORD]] [--config-file FILE]}.
 *
 * @param server the server to talk to
 * @param file a script to run instead of the interactive shell
 * @param execute statements to run instead of the interactive shell
 * @param help whether only the usage was asked for
 * @param user the user name of a BASIC login
 * @param password the password of that login; asked for on the terminal when absent
 * @param configFile TLS settings of the connection ({@code ssl.truststore.*}, {@code
 *     ssl.keystore.*})
 */
public record ShellOptions(
    URI server,
    Optional<Path> file,
    Optional<String> execute,
    boolean help,
    Optional<String> user,
    Optional<String> password,
    Optional<Path> configFile) {

  /** Where ksqlDB's, and so Millrace's, server listens by default. */
  public static final URI DEFAULT_SERVER = URI.create("http://localhost:8088");

  /** True when statements come from {@code --file} or {@code --execute} rather than a person. */
  public boolean batch() {
    return file.isPresent() || execute.isPresent();
  }

  /** Reads the arguments after {@code shell}. */
  public static ShellOptions parse(List<String> args) throws UsageException {
    URI server = null;
    Path file = null;
    String execute = null;
    boolean help = false;
    String user = null;
    String password = null;
    Path configFile = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String option =
          arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
      String inline = option.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
      switch (option) {
        case "-h", "--help" -> help = true;
        case "-f", "--file" -> {
          file = Path.of(inline != null ? inline : value(args, ++i, option));
        }
        case "-e", "--execute" -> execute = inline != null ? inline : value(args, ++i, option);
        case "-u", "--user" -> user = inline != null ? inline : value(args, ++i, option);
        case "-p", "--password" -> password = inline != null ? inline : value(args, ++i, option);
        case "--config-file" ->
            configFile = Path.of(inline != null ? inline : value(args, ++i, option));
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("Unknown option '" + arg + "'.");
          }
          if (server != null) {
            throw new UsageException(
                "Only one server URL, please: got '" + server + "' and '" + arg + "'.");
          }
          server = serverUri(arg);
        }
      }
    }
    if (file != null && execute != null) {
      throw new UsageException("Use either --file or --execute, not both.");
    }
    if (password != null && user == null) {
      throw new UsageException("--password needs --user.");
    }
    return new ShellOptions(
        server == null ? DEFAULT_SERVER : server,
        Optional.ofNullable(file),
        Optional.ofNullable(execute),
        help,
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        Optional.ofNullable(configFile));
  }

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException("Option " + option + " needs a value.");
    }
    return args.get(index);
  }

  private static URI serverUri(String text) throws UsageException {
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new UsageException(
            "The server URL must look like http://host:port, got '" + text + "'.");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(
          "The server URL must look like http://host:port, got '" + text + "'.");
    }
  }
}
