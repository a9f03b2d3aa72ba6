package dev.millrace.server.service;

/**
 * One server of the service as this server knows it from heartbeats.
 *
 * @param url the server's advertised REST URL
 * @param alive whether its last heartbeat arrived recently enough
 * @param lastStatusUpdateMs when its last heartbeat arrived here (epoch milliseconds)
 * @param report what it said it runs
 * @param self whether it is this server
 */
public record ClusterHost(
    String url, boolean alive, long lastStatusUpdateMs, HostReport report, boolean self) {}
