package dev.millrace.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of a registry speaking Confluent's REST API ({@code ksql.schema.registry.url}), such as
 * Confluent Schema Registry or Apicurio's {@code /apis/ccompat/v7}. Schemas by id and numbered
 * subject versions never change, so they are cached; a subject's latest version is asked each time.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {
  private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  /** The status of Confluent's API for a schema incompatible with the subject's versions. */
  private static final int INCOMPATIBLE = 409;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Map<Integer, RegisteredSchema> byId = new ConcurrentHashMap<>();
  private final Map<Numbered, SubjectVersion> versions = new ConcurrentHashMap<>();

  public HttpSchemaRegistry(String url) {
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public int register(String subject, RegisteredSchema schema) {
    Reply reply = send("POST", "subjects/" + encode(subject) + "/versions", body(schema));
    if (reply.status() == INCOMPATIBLE) {
      throw new IncompatibleSchemaException(subject, reply.message());
    }
    return reply.ok("register a schema under " + subject).path("id").asInt();
  }

  @Override
  public Optional<RegisteredSchema> byId(int id) {
    RegisteredSchema cached = byId.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Reply reply = send("GET", "schemas/ids/" + id, null);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    RegisteredSchema schema = schema(reply.ok("read schema id " + id));
    byId.put(id, schema);
    return Optional.of(schema);
  }

  @Override
  public Optional<SubjectVersion> latest(String subject) {
    return version(subject, LATEST);
  }

  @Override
  public Optional<SubjectVersion> version(String subject, int version) {
    SubjectVersion cached = versions.get(new Numbered(subject, version));
    if (cached != null) {
      return Optional.of(cached);
    }
    String number = version == LATEST ? "latest" : String.valueOf(version);
    Reply reply = send("GET", "subjects/" + encode(subject) + "/versions/" + number, null);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    JsonNode body = reply.ok("read version " + number + " of " + subject);
    SubjectVersion found =
        new SubjectVersion(
            subject, body.path("version").asInt(), body.path("id").asInt(), schema(body));
    if (version != LATEST) {
      versions.put(new Numbered(subject, version), found);
    }
    return Optional.of(found);
  }

  @Override
  public boolean isCompatible(String subject, RegisteredSchema schema) {
    Reply reply =
        send(
            "POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", body(schema));
    if (reply.status() == 404) {
      return true;
    }
    return reply.ok("check compatibility with " + subject).path("is_compatible").asBoolean();
  }

  private static String body(RegisteredSchema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.text());
    if (!schema.type().equals("AVRO")) {
      body.put("schemaType", schema.type());
    }
    if (!schema.references().isEmpty()) {
      ArrayNode references = body.putArray("references");
      for (SchemaReference reference : schema.references()) {
        references
            .addObject()
            .put("name", reference.name())
            .put("subject", reference.subject())
            .put("version", reference.version());
      }
    }
    return body.toString();
  }

  private static RegisteredSchema schema(JsonNode body) {
    String type = body.path("schemaType").asText("AVRO");
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode reference : body.path("references")) {
      references.add(
          new SchemaReference(
              reference.path("name").asText(),
              reference.path("subject").asText(),
              reference.path("version").asInt()));
    }
    return new RegisteredSchema(
        type.isEmpty() ? "AVRO" : type, body.path("schema").asText(), references);
  }

  private Reply send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", MEDIA_TYPE);
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", MEDIA_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "Cannot reach the schema registry at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          "Interrupted while calling the schema registry at " + base, e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A numbered version of a subject, as the cache of versions knows it. */
  private record Numbered(String subject, int version) {}

  /** A registry reply: its status and body. */
  private record Reply(int status, String body) {
    JsonNode ok(String what) {
      if (status / 100 != 2) {
        throw new SchemaRegistryException(
            "The schema registry refused to " + what + " (HTTP " + status + "): " + message());
      }
      return parse();
    }

    /** The error message of the registry's reply, else its whole body. */
    String message() {
      return parse().path("message").asText(body);
    }

    private JsonNode parse() {
      try {
        return JSON.readTree(body.isEmpty() ? "{}" : body);
      } catch (IOException notJson) {
        return JSON.createObjectNode();
      }
    }
  }
}
