package dev.millrace.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls a registry's Confluent-compatible API directly, as another producer or an operator would,
 * so tests see what the registry holds without going through Millrace's client.
 */
public final class RegistryApi {
  private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public RegistryApi(String base) {
    this.base = base;
  }

  /** Registers an Avro schema under the subject; returns its id. */
  public int registerAvro(String subject, String schema) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("schema", schema).toString();
    return send("POST", "/subjects/" + subject + "/versions", body).path("id").asInt();
  }

  /**
   * Registers a Protobuf schema under the subject, importing the files {@code references} names:
   * each a name, subject and version, as Confluent's API takes them. Returns its id.
   */
  public int registerProtobuf(String subject, String schema, JsonNode references)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("schema", schema).put("schemaType", "PROTOBUF");
    body.set("references", references);
    return send("POST", "/subjects/" + subject + "/versions", body.toString()).path("id").asInt();
  }

  /** Sets the subject's compatibility level (BACKWARD, NONE, ...). */
  public void setCompatibility(String subject, String level)
      throws IOException, InterruptedException {
    send("PUT", "/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
  }

  /** The subject's latest version: {@code id}, {@code version}, {@code schema}, ... */
  public JsonNode latest(String subject) throws IOException, InterruptedException {
    return send("GET", "/subjects/" + subject + "/versions/latest", null);
  }

  /** The names of the subjects with versions. */
  public JsonNode subjects() throws IOException, InterruptedException {
    return send("GET", "/subjects", null);
  }

  /** The subject's version numbers. */
  public JsonNode versions(String subject) throws IOException, InterruptedException {
    return send("GET", "/subjects/" + subject + "/versions", null);
  }

  /** The schema with this id: {@code schema}, {@code schemaType}. */
  public JsonNode schema(int id) throws IOException, InterruptedException {
    return send("GET", "/schemas/ids/" + id, null);
  }

  private JsonNode send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", MEDIA_TYPE)
            .header("Content-Type", MEDIA_TYPE)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
