package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The body of {@code GET /info}, wrapped in a {@code KsqlServerInfo} object as ksqlDB sends it.
 *
 * @param version the server's version
 * @param kafkaClusterId the id of the Kafka cluster the server uses
 * @param ksqlServiceId the service id shared by the servers of one cluster
 * @param serverStatus {@code RUNNING}, or another state while starting or stopping
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonTypeName("KsqlServerInfo")
public record ServerInfo(
    String version, String kafkaClusterId, String ksqlServiceId, String serverStatus) {}
