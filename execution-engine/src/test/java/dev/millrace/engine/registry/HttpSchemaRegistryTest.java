package dev.millrace.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a small fake of Confluent's REST API (backed by the in-memory registry),
 * served on loopback by the JDK's HTTP server.
 */
class HttpSchemaRegistryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RegisteredSchema RECORD =
      RegisteredSchema.avro(
          "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

  private final InMemorySchemaRegistry backing = new InMemorySchemaRegistry();
  private final List<String> requests = new ArrayList<>();
  private HttpServer server;
  private HttpSchemaRegistry client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    client =
        new HttpSchemaRegistry(
            "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void registersReadsByIdAndReadsTheLatestVersion() {
    int id = client.register("orders value-value", RECORD);
    int json = client.register("people-value", RegisteredSchema.json("{\"type\":\"object\"}"));

    assertEquals(Optional.of(RECORD), client.byId(id));
    assertEquals(Optional.of(RECORD), client.byId(id));
    assertEquals(
        Optional.of(
            new SchemaRegistry.SubjectVersion(
                "people-value", 1, json, RegisteredSchema.json("{\"type\":\"object\"}"))),
        client.latest("people-value"));
    assertEquals(Optional.empty(), client.latest("none-value"));
    assertEquals(Optional.empty(), client.byId(99));
    assertEquals(
        List.of(
            "POST /apis/ccompat/v7/subjects/orders value-value/versions",
            "POST /apis/ccompat/v7/subjects/people-value/versions",
            "GET /apis/ccompat/v7/schemas/ids/1",
            "GET /apis/ccompat/v7/subjects/people-value/versions/latest",
            "GET /apis/ccompat/v7/subjects/none-value/versions/latest",
            "GET /apis/ccompat/v7/schemas/ids/99"),
        requests);
  }

  @Test
  void referencesAreRegisteredAndReadBackAndNumberedVersionsAreReadOnce() {
    RegisteredSchema time =
        RegisteredSchema.protobuf("syntax = \"proto3\"; message Time { int64 millis = 1; }");
    int timeId = client.register("time proto", time);
    RegisteredSchema event =
        RegisteredSchema.protobuf("import \"time.proto\"; message Event { Time at = 1; }")
            .withReferences(List.of(new SchemaReference("time.proto", "time proto", 1)));
    int eventId = client.register("events-value", event);

    assertEquals(Optional.of(event), freshClient().byId(eventId), "the references were sent");
    HttpSchemaRegistry reader = freshClient();
    SchemaRegistry.SubjectVersion expected =
        new SchemaRegistry.SubjectVersion("time proto", 1, timeId, time);
    assertEquals(Optional.of(expected), reader.version("time proto", 1));
    assertEquals(Optional.of(expected), reader.version("time proto", 1));
    assertEquals(Optional.empty(), reader.version("time proto", 2));
    assertEquals(
        List.of(
            "GET /apis/ccompat/v7/subjects/time proto/versions/1",
            "GET /apis/ccompat/v7/subjects/time proto/versions/2"),
        requests.subList(requests.size() - 2, requests.size()));
  }

  @Test
  void checksCompatibilityAndReportsRefusals() {
    client.register("a-value", RECORD);

    assertTrue(client.isCompatible("b-value", RECORD));
    assertFalse(
        client.isCompatible(
            "a-value",
            RegisteredSchema.avro(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}")));
    assertEquals(
        "The schema registry refused to register a schema under bad-value (HTTP 422): Invalid schema",
        assertThrows(
                SchemaRegistryException.class,
                () -> client.register("bad-value", RegisteredSchema.avro("not json")))
            .getMessage());
  }

  @Test
  void aSchemaIncompatibleWithTheSubjectIsRefusedAsSuch() {
    client.register("a-value", RECORD);

    IncompatibleSchemaException refused =
        assertThrows(
            IncompatibleSchemaException.class,
            () ->
                client.register(
                    "a-value",
                    RegisteredSchema.avro(
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}")));

    assertEquals("a-value", refused.subject());
    assertEquals(
        "Schema being registered is incompatible with an earlier schema", refused.getMessage());
  }

  @Test
  void anUnreachableRegistryIsAClearError() {
    server.stop(0);

    assertTrue(
        assertThrows(SchemaRegistryException.class, () -> client.latest("a-value"))
            .getMessage()
            .startsWith("Cannot reach the schema registry at http://127.0.0.1:"));
  }

  /** A client of the same registry with nothing cached. */
  private HttpSchemaRegistry freshClient() {
    return new HttpSchemaRegistry(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    requests.add(exchange.getRequestMethod() + " " + path);
    String[] parts = path.substring("/apis/ccompat/v7/".length()).split("/");
    JsonNode body =
        exchange.getRequestMethod().equals("POST")
            ? JSON.readTree(exchange.getRequestBody())
            : null;
    if (parts[0].equals("schemas")) {
      Optional<RegisteredSchema> schema = backing.byId(Integer.parseInt(parts[2]));
      reply(
          exchange,
          schema.isPresent() ? 200 : 404,
          schema
              .map(HttpSchemaRegistryTest::schemaJson)
              .orElse("{\"error_code\":40403,\"message\":\"Schema not found\"}"));
    } else if (parts[0].equals("compatibility")) {
      reply(
          exchange,
          200,
          "{\"is_compatible\":" + backing.isCompatible(parts[2], schema(body)) + "}");
    } else if (exchange.getRequestMethod().equals("POST")) {
      RegisteredSchema schema = schema(body);
      if (schema.type().equals("AVRO") && !schema.text().startsWith("{")) {
        reply(exchange, 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
      } else if (!backing.isCompatible(parts[1], schema)) {
        reply(
            exchange,
            409,
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
                + " earlier schema\"}");
      } else {
        reply(exchange, 200, "{\"id\":" + backing.register(parts[1], schema) + "}");
      }
    } else {
      Optional<SchemaRegistry.SubjectVersion> latest =
          backing.version(
              parts[1],
              parts[3].equals("latest") ? SchemaRegistry.LATEST : Integer.parseInt(parts[3]));
      reply(
          exchange,
          latest.isPresent() ? 200 : 404,
          latest
              .map(
                  v ->
                      "{\"subject\":\""
                          + v.subject()
                          + "\",\"version\":"
                          + v.version()
                          + ",\"id\":"
                          + v.id()
                          + ","
                          + schemaJson(v.schema()).substring(1))
              .orElse("{\"error_code\":40401,\"message\":\"Subject not found\"}"));
    }
  }

  private static RegisteredSchema schema(JsonNode body) {
    List<SchemaReference> references = new ArrayList<>();
    body.path("references")
        .forEach(
            r ->
                references.add(
                    new SchemaReference(
                        r.path("name").asText(),
                        r.path("subject").asText(),
                        r.path("version").asInt())));
    return new RegisteredSchema(
        body.path("schemaType").asText("AVRO"), body.path("schema").asText(), references);
  }

  private static String schemaJson(RegisteredSchema schema) {
    var node = JSON.createObjectNode().put("schema", schema.text());
    if (!schema.type().equals("AVRO")) {
      node.put("schemaType", schema.type());
    }
    if (!schema.references().isEmpty()) {
      var references = node.putArray("references");
      schema
          .references()
          .forEach(
              r ->
                  references
                      .addObject()
                      .put("name", r.name())
                      .put("subject", r.subject())
                      .put("version", r.version()));
    }
    return node.toString();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
