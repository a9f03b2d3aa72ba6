package dev.millrace.server.service;

/**
 * A push query streaming to a client now, as SHOW QUERIES lists it.
 *
 * @param statementText the query's text
 * @param terminate ends the query: tells its client why, and stops it on the backend
 */
record RunningPushQuery(String statementText, Runnable terminate) {}
