package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** URL functions: parts of a URI (RFC 3986) and form-style parameter encoding. */
final class UrlFunctions {
  private UrlFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("URL");
    b.scalar("URL_ENCODE_PARAM", "Escapes a value for use in a URL query parameter.")
        .add(
            sig(STRING, STRING),
            a -> URLEncoder.encode((String) a[0], StandardCharsets.UTF_8).replace("+", "%20"));
    b.scalar("URL_DECODE_PARAM", "Unescapes a URL query parameter value.")
        .add(sig(STRING, STRING), a -> URLDecoder.decode((String) a[0], StandardCharsets.UTF_8));
    part(b, "URL_EXTRACT_FRAGMENT", "The fragment of a URL.", URI::getFragment);
    part(b, "URL_EXTRACT_HOST", "The host of a URL.", URI::getHost);
    part(b, "URL_EXTRACT_PATH", "The path of a URL.", URI::getPath);
    part(b, "URL_EXTRACT_PROTOCOL", "The protocol (scheme) of a URL.", URI::getScheme);
    part(b, "URL_EXTRACT_QUERY", "The decoded query string of a URL.", URI::getQuery);
    b.scalar("URL_EXTRACT_PORT", "The explicit port of a URL, or null.")
        .add(
            sig(INT, STRING),
            a -> {
              URI uri = uri((String) a[0]);
              return uri == null || uri.getPort() < 0 ? null : uri.getPort();
            });
    b.scalar(
            "URL_EXTRACT_PARAMETER",
            "The decoded value of a named query parameter of a URL, or null.")
        .add(sig(STRING, STRING, STRING), a -> parameter((String) a[0], (String) a[1]));
  }

  private static void part(
      FunctionRegistry.Builder b, String name, String description, Function<URI, String> part) {
    b.scalar(name, description)
        .add(
            sig(STRING, STRING),
            a -> {
              URI uri = uri((String) a[0]);
              return uri == null ? null : part.apply(uri);
            });
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String parameter(String url, String name) {
    URI uri = uri(url);
    if (uri == null || uri.getRawQuery() == null) {
      return null;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
