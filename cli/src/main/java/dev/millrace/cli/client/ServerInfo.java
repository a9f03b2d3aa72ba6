package dev.millrace.cli.client;

/**
 * What {@code GET /info} tells about a server.
 *
 * @param version the server's version
 * @param kafkaClusterId the id of the Kafka cluster it uses
 * @param serviceId the service id shared by the servers of one cluster
 */
public record ServerInfo(String version, String kafkaClusterId, String serviceId) {}
