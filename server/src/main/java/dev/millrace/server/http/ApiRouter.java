package dev.millrace.server.http;

import dev.millrace.server.service.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to the handler of its path and method. Unknown paths get a 404 and known paths
 * with the wrong method a 405, both as ksqlDB-shaped JSON.
 */
final class ApiRouter extends Handler.Abstract {

  private record Route(String method, Request.Handler handler) {}

  private final Map<String, Route> exact = new LinkedHashMap<>();
  private final Map<String, Route> prefixes = new LinkedHashMap<>();

  /** Routes {@code method path} to {@code handler}. */
  ApiRouter route(String method, String path, Request.Handler handler) {
    exact.put(path, new Route(method, handler));
    return this;
  }

  /** Routes every path under {@code prefix} (which ends in '/') to {@code handler}. */
  ApiRouter routePrefix(String method, String prefix, Request.Handler handler) {
    prefixes.put(prefix, new Route(method, handler));
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    Route route = find(path);
    if (route == null) {
      reject(response, callback, ErrorCode.NOT_FOUND, "Path not found: " + path);
    } else if (!route.method().equals(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, route.method());
      reject(
          response,
          callback,
          ErrorCode.METHOD_NOT_ALLOWED,
          "Method "
              + request.getMethod()
              + " is not allowed on "
              + path
              + "; use "
              + route.method());
    } else {
      return route.handler().handle(request, response, callback);
    }
    return true;
  }

  private Route find(String path) {
    Route route = exact.get(path);
    if (route != null) {
      return route;
    }
    for (Map.Entry<String, Route> prefix : prefixes.entrySet()) {
      if (path.startsWith(prefix.getKey()) && path.length() > prefix.getKey().length()) {
        return prefix.getValue();
      }
    }
    return null;
  }

  private static void reject(Response response, Callback callback, ErrorCode code, String message) {
    JsonResponses.sendError(response, callback, new ApiException(code, message).toErrorMessage());
  }
}
