/**
 * Statement execution behind the REST API: {@link dev.millrace.server.service.EngineFacade}, the
 * contract the HTTP layer and the offline test runner call and the engine facade implements, with
 * the values and callbacks it exchanges; and the command log that makes accepted statements
 * durable.
 */
package dev.millrace.server.service;
