package dev.millrace.server.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * One ksqlDB setting ({@code ksql.*}) as Millrace treats it: honoured, or refused with what to do
 * instead. {@link KsqlSettings} holds them all.
 */
public sealed interface KsqlSetting {

  /** The setting's name; a refused family of settings ends with {@code *}. */
  String name();

  /** Where a setting may be given. */
  enum Scope {
    /** Only in the server's configuration: it shapes the server, not one query. */
    SERVER,
    /** In the server's configuration, and per query with SET or a request's properties. */
    QUERY
  }

  /**
   * A setting Millrace reads.
   *
   * @param defaultValue the value when it is not set, as users write it
   * @param meaning what it does in Millrace
   * @param check what is wrong with a value (empty when nothing is); values read by the server's
   *     configuration are checked there
   */
  record Honoured(
      String name,
      Scope scope,
      String defaultValue,
      String meaning,
      Function<String, Optional<String>> check)
      implements KsqlSetting {}

  /**
   * A ksqlDB setting Millrace does not read: giving it stops the server or fails the request.
   *
   * @param instead why, and what does its job in Millrace
   */
  record Refused(String name, String instead) implements KsqlSetting {

    /** Whether this refusal covers {@code setting}: its name, or a name in its family. */
    public boolean covers(String setting) {
      return name.endsWith("*")
          ? setting.startsWith(name.substring(0, name.length() - 1))
          : name.equals(setting);
    }
  }
}
