package dev.millrace.server.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one server tells the others of its service in each heartbeat: what it runs of each
 * persistent query (partitions, stores and their lag), by query id.
 */
public record HostReport(Map<String, LocalQueryState> queries) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public HostReport {
    queries = new TreeMap<>(queries);
  }

  /** The report as a heartbeat carries it. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a host report as JSON", e);
    }
  }

  /** The report in a heartbeat; empty when it cannot be read (written by another version). */
  static Optional<HostReport> fromJson(byte[] json) {
    try {
      return Optional.of(JSON.readValue(json, HostReport.class));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
