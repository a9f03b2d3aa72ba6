package dev.millrace.server.http;

import dev.millrace.server.api.GenericErrorMessage;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.ErrorCode;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the resource handlers: whatever a resource throws becomes a ksqlDB-shaped JSON error,
 * never an HTML page, a stack trace or a dropped connection; an {@link Error} included.
 */
abstract class ApiHandler implements Request.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  @Override
  public final boolean handle(Request request, Response response, Callback callback) {
    try {
      serve(request, response, callback);
    } catch (ApiException e) {
      fail(response, callback, e, e.toErrorMessage());
    } catch (EngineException e) {
      fail(response, callback, e, e.toErrorMessage());
    } catch (Exception e) {
      LOG.warn("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
      fail(response, callback, e, serverError(e));
    } catch (StackOverflowError e) {
      // Something in the request nests deeper than a thread's stack (an expression, a JSON value):
      // the request's fault, and this thread is sound again now that its stack has unwound.
      LOG.warn("{} {} ran out of stack", request.getMethod(), Request.getPathInContext(request));
      fail(response, callback, e, TOO_DEEP);
    } catch (Error e) {
      LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
      fail(response, callback, e, serverError(e));
    }
    return true;
  }

  static final GenericErrorMessage TOO_DEEP =
      new GenericErrorMessage(
          ErrorCode.BAD_REQUEST.code(),
          "The request is nested too deeply to be handled: simplify its expressions");

  /**
   * Serves the request: completes {@code callback} once the response is fully written, possibly
   * after returning. Throws to answer with an error instead.
   */
  protected abstract void serve(Request request, Response response, Callback callback)
      throws Exception;

  /** The error sent for an exception the engine did not classify: its message, no trace. */
  static GenericErrorMessage serverError(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new GenericErrorMessage(ErrorCode.SERVER_ERROR.code(), message);
  }

  private static void fail(
      Response response,
      Callback callback,
      Throwable cause,
      dev.millrace.server.api.ErrorMessage error) {
    if (response.isCommitted()) {
      callback.failed(cause);
    } else {
      JsonResponses.sendError(response, callback, error);
    }
  }
}
