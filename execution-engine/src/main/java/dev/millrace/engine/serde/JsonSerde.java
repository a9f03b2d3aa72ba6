package dev.millrace.engine.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The JSON format: an object with one field per column, or, for a single unwrapped column, the bare
 * value. Reading streams tokens straight into the column array (no tree), matches field names
 * exactly or else ignoring case, ignores unknown fields and leaves missing columns null.
 *
 * <p>This is the hot path of JSON queries, so each thread writes through one generator it keeps
 * (making a Jackson generator per record cost more than writing the record), and reading expects
 * the fields in column order, matching their names as raw bytes, before it looks a name up.
 */
final class JsonSerde implements ValueSerde {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final List<Column> columns;
  private final boolean unwrapped;
  private final JsonReaders.FieldLookup lookup;
  private final JsonReader[] readers;
  private final boolean[] skipped;
  private final boolean[] skippedStrings;
  private final JsonWriters.JsonWriter[] writers;
  private final String[] names;
  private final SerializableString[] encodedNames;
  private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);

  JsonSerde(List<Column> columns, boolean wrapped) {
    this(columns, wrapped, Set.of());
  }

  /**
   * A serde whose reading skips the columns named in {@code skippedNames}, leaving them null. A
   * skipped column's string (for a STRING column) or null is passed over without building a Java
   * value; any other value is still read and dropped, so that a value of the wrong type fails as
   * when the column is read.
   */
  JsonSerde(List<Column> columns, boolean wrapped, Set<String> skippedNames) {
    this.columns = List.copyOf(columns);
    this.unwrapped = !wrapped && columns.size() == 1;
    this.skipped = new boolean[columns.size()];
    this.skippedStrings = new boolean[columns.size()];
    for (int i = 0; i < columns.size() && !unwrapped; i++) {
      skipped[i] = skippedNames.contains(columns.get(i).name());
      skippedStrings[i] = skipped[i] && columns.get(i).type().base() == SqlType.Base.STRING;
    }
    this.lookup = JsonReaders.FieldLookup.of(columns.stream().map(Column::name).toList());
    this.readers =
        columns.stream().map(c -> JsonReaders.forType(c.type())).toArray(JsonReader[]::new);
    this.writers =
        columns.stream()
            .map(c -> JsonWriters.forType(c.type()))
            .toArray(JsonWriters.JsonWriter[]::new);
    this.names = columns.stream().map(Column::name).toArray(String[]::new);
    this.encodedNames =
        columns.stream()
            .map(c -> new SerializedString(c.name()))
            .toArray(SerializableString[]::new);
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null) {
      return null;
    }
    Output out = outputs.get();
    out.bytes.reset();
    JsonGenerator g = out.generator;
    try {
      if (unwrapped) {
        writers[0].write(g, values[0]);
      } else {
        g.writeStartObject();
        for (int i = 0; i < names.length; i++) {
          g.writeFieldName(encodedNames[i]);
          writers[i].write(g, values[i]);
        }
        g.writeEndObject();
      }
      g.flush();
    } catch (IOException | ClassCastException e) {
      // The generator may be left inside an object: the thread's next value gets a new one.
      outputs.remove();
      throw new SerdeException("Failed to serialize JSON: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      outputs.remove();
      throw e;
    }
    return out.bytes.toByteArray();
  }

  /** A thread's generator and the buffer it writes to, emptied before each value. */
  private static final class Output {
    // Jackson's own builder: unsynchronized, unlike ByteArrayOutputStream.
    final ByteArrayBuilder bytes = new ByteArrayBuilder(256);
    final JsonGenerator generator;

    Output() {
      try {
        generator = FACTORY.createGenerator(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Values written one after another are separate documents, not one stream of them.
      generator.setRootValueSeparator(null);
    }
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        return null;
      }
      Object[] values = unwrapped ? new Object[] {read(0, p)} : readObject(p);
      if (p.nextToken() != null) {
        throw new SerdeException("Failed to deserialize JSON: unexpected content after the value");
      }
      return values;
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the offending text, which is user data: say only where the JSON
      // breaks.
      throw new SerdeException("Failed to deserialize JSON: invalid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw new SerdeException("Failed to deserialize JSON: " + e.getMessage(), e);
    }
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private Object[] readObject(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new SerdeException(
          "Failed to deserialize JSON: expected an object with fields "
              + String.join(", ", names)
              + " but found "
              + JsonReaders.describe(p.currentToken()));
    }
    Object[] values = new Object[readers.length];
    int expected = 0;
    while (true) {
      boolean inOrder = expected < encodedNames.length && p.nextFieldName(encodedNames[expected]);
      if (!inOrder
          && (expected < encodedNames.length ? p.currentToken() : p.nextToken())
              != JsonToken.FIELD_NAME) {
        return values;
      }
      int index = inOrder ? expected : lookup.indexOf(p.currentName());
      p.nextToken();
      if (index < 0) {
        p.skipChildren();
      } else {
        values[index] = skipped[index] ? skip(index, p) : read(index, p);
        expected = index + 1;
      }
    }
  }

  /** Passes over a skipped column's value, checking it as reading would; always null. */
  private Object skip(int index, JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    boolean accepted =
        token == JsonToken.VALUE_NULL || (skippedStrings[index] && token == JsonToken.VALUE_STRING);
    if (!accepted) {
      read(index, p);
    }
    return null;
  }

  private Object read(int index, JsonParser p) throws IOException {
    try {
      return readers[index].read(p);
    } catch (SerdeException e) {
      throw new SerdeException(
          "Failed to deserialize column " + columns.get(index).name() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new SerdeException(
          "Failed to deserialize column " + columns.get(index).name() + ": " + e.getMessage(), e);
    }
  }
}
