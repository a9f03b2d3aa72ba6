package dev.millrace.engine.serde;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one JSON value of a known SQL type from a streaming parser positioned on the value's first
 * token, applying ksqlDB's coercions. Chosen once per column type.
 */
@FunctionalInterface
interface JsonReader {
  Object read(JsonParser parser) throws IOException;
}
