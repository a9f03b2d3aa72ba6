package dev.millrace.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.URIParameter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Finds the users file of a BASIC realm the way ksqlDB is configured: the JAAS file's section named
 * after the realm holds Jetty's {@code PropertyFileLoginModule} with a {@code file} option. The JDK
 * parses the JAAS file; only that one login module is accepted, so a section asking for LDAP or
 * Kerberos is an error rather than a login Millrace would not perform.
 */
final class JaasUsersFile {

  /** Jetty's property-file login module, under its old and its current package. */
  private static final Set<String> PROPERTY_FILE_MODULES =
      Set.of(
          "org.eclipse.jetty.jaas.spi.PropertyFileLoginModule",
          "org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule");

  private JaasUsersFile() {}

  /**
   * The readable users file of {@code realm}'s section in {@code jaas}.
   *
   * @throws ConfigException naming the file, the section and what is wrong
   */
  static Path of(Path jaas, String realm) {
    AppConfigurationEntry[] entries = parse(jaas).getAppConfigurationEntry(realm);
    if (entries == null || entries.length == 0) {
      throw new ConfigException(
          "the JAAS file " + jaas + " has no section " + realm + " (authentication.realm)", null);
    }
    if (entries.length > 1 || !PROPERTY_FILE_MODULES.contains(entries[0].getLoginModuleName())) {
      throw new ConfigException(
          "section "
              + realm
              + " of the JAAS file "
              + jaas
              + " uses "
              + Arrays.stream(entries)
                  .map(AppConfigurationEntry::getLoginModuleName)
                  .collect(Collectors.joining(", "))
              + "; Millrace supports one login module there, Jetty's PropertyFileLoginModule",
          null);
    }
    Object file = entries[0].getOptions().get("file");
    if (file == null) {
      throw new ConfigException(
          "section " + realm + " of the JAAS file " + jaas + " names no file=\"...\" of users",
          null);
    }
    Path users = Path.of(file.toString());
    if (!Files.isReadable(users)) {
      throw new ConfigException(
          "cannot read the users file "
              + users
              + " named in section "
              + realm
              + " of the JAAS file "
              + jaas,
          null);
    }
    return users;
  }

  private static Configuration parse(Path jaas) {
    if (!Files.isReadable(jaas)) {
      throw new ConfigException("cannot read the JAAS file " + jaas, null);
    }
    try {
      return Configuration.getInstance("JavaLoginConfig", new URIParameter(jaas.toUri()));
    } catch (GeneralSecurityException e) {
      Throwable reason = e.getCause() == null ? e : e.getCause();
      throw new ConfigException(
          "cannot read the JAAS file " + jaas + ": " + reason.getMessage(), e);
    }
  }
}
