/**
 * What the REST layer needs from the engine: {@link dev.millrace.server.service.EngineFacade}
 * and the values and callbacks it exchanges. The engine facade implements it; the HTTP layer
 * and the offline test runner call it.
 */
package dev.millrace.server.service;
