package dev.millrace.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * A physical plan as it is stored with its query: {@code {"version": 1, "root": <sink step>}}, each
 * step named by its versioned type (see {@link PlanStep}). A server that reads back the plan it
 * stored runs the same operators over the same state after an upgrade, whatever its planner would
 * make of the statement today. The version is the document's: a server refuses a plan written in a
 * version it does not know rather than misread it.
 */
public final class PlanJson {
  /** The version written, and the only one read. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private PlanJson() {}

  /** The stored form of the plan rooted at {@code root}. */
  public static ObjectNode write(PlanStep root) {
    ObjectNode stored = JSON.createObjectNode();
    stored.put("version", VERSION);
    stored.set("root", JSON.valueToTree(root));
    return stored;
  }

  /**
   * The plan {@link #write} stored.
   *
   * @throws UnreadablePlanException when it is of another version, has a step of a type this engine
   *     does not know, or is not a plan at all
   */
  public static PlanStep read(JsonNode stored) throws UnreadablePlanException {
    if (stored == null || !stored.isObject() || !stored.path("version").isInt()) {
      throw new UnreadablePlanException("the stored plan has no format version");
    }
    int version = stored.get("version").asInt();
    if (version != VERSION) {
      throw new UnreadablePlanException(
          "the stored plan has format version "
              + version
              + ", and this server reads version "
              + VERSION
              + " only");
    }
    try {
      return JSON.treeToValue(stored.path("root"), PlanStep.class);
    } catch (InvalidTypeIdException unknown) {
      throw new UnreadablePlanException(
          unknown.getTypeId() == null
              ? "the stored plan has a step without a type"
              : "the stored plan has a step of unknown type '" + unknown.getTypeId() + "'");
    } catch (JsonProcessingException | IllegalArgumentException invalid) {
      throw new UnreadablePlanException(
          "the stored plan is not a valid plan: " + messageOf(invalid));
    }
  }

  private static String messageOf(Exception invalid) {
    return invalid instanceof JsonProcessingException json
        ? json.getOriginalMessage()
        : invalid.getMessage();
  }
}
