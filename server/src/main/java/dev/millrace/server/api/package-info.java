/**
 * The JSON shapes of Millrace's REST API, as immutable records.
 *
 * <p>The shapes follow ksqlDB's REST API field for field, so that ksqlDB's shell, its Java client
 * and existing curl scripts work against a Millrace server. Every record serialises with {@link
 * dev.millrace.server.api.ApiJson#mapper()} and reads back to an equal record, so the shell can use
 * the same records as a client.
 */
package dev.millrace.server.api;
