package dev.millrace.server.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP BASIC authentication of the REST API, as ksqlDB's {@code authentication.method=BASIC}.
 *
 * @param realm the realm named in the {@code WWW-Authenticate} challenge
 * @param roles the roles that may use the API; {@link #ANY_ROLE} lets every user in the credentials
 *     file in
 * @param credentials a file of {@code user: password[,role ...]} lines (Jetty's property file
 *     format; passwords may be plain or {@code OBF:}, {@code MD5:} or {@code CRYPT:} encoded)
 * @param openPaths request paths answered without credentials
 */
public record BasicAuthSettings(
    String realm, Set<String> roles, Path credentials, List<String> openPaths) {

  /** The role that stands for every authenticated user. */
  public static final String ANY_ROLE = "*";

  public BasicAuthSettings {
    Objects.requireNonNull(realm, "realm");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(credentials, "credentials");
    openPaths = List.copyOf(openPaths);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("at least one role is needed");
    }
  }
}
