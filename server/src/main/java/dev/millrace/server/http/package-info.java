/**
 * Millrace's REST API on Jetty 12's core handler API, compatible with ksqlDB's: one handler per
 * resource, a router in front, and {@link dev.millrace.server.http.RestServer} to run them.
 * Everything the API does is delegated to a {@link dev.millrace.server.service.EngineFacade}.
 */
package dev.millrace.server.http;
