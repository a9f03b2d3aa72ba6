package dev.millrace.server.http;

import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * HTTP BASIC authentication in front of the API: a request without valid credentials, or from a
 * user with none of the allowed roles, never reaches a resource. A missing or wrong login is
 * answered 401 with a {@code WWW-Authenticate} challenge naming the realm; a known user without an
 * allowed role 403. The open paths (the health check, and any configured) need no login.
 */
final class BasicAuthentication {

  private BasicAuthentication() {}

  static Handler wrap(Handler api, BasicAuthSettings settings) {
    HashLoginService users =
        new HashLoginService(
            settings.realm(), ResourceFactory.root().newResource(settings.credentials()));
    SecurityHandler.PathMapped security = new SecurityHandler.PathMapped(api);
    security.setRealmName(settings.realm());
    security.setLoginService(users);
    security.setAuthenticator(new BasicAuthenticator());
    security.put("/*", allowed(settings));
    settings.openPaths().forEach(path -> security.put(path, Constraint.ALLOWED));
    return security;
  }

  private static Constraint allowed(BasicAuthSettings settings) {
    return settings.roles().contains(BasicAuthSettings.ANY_ROLE)
        ? Constraint.ANY_USER
        : Constraint.from(settings.roles().toArray(String[]::new));
  }
}
