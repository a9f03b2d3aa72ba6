package dev.millrace.server.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.engine.registry.SchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The lines PRINT shows for a topic's records. Formats are guessed from the bytes alone, as ksqlDB
 * guesses them: every candidate format starts possible, and a format that cannot read a record's
 * key (or value) is dropped for good. Each key and value is shown as the first format still
 * possible reads it, or as escaped bytes when none can. Before the first record come the lines
 * {@code Key format: ...} and {@code Value format: ...}, naming the formats still possible after
 * that record's batch. {@code INTERVAL n} shows every n-th record; {@code LIMIT n} stops after n.
 *
 * <p>The schema registry formats (AVRO, PROTOBUF, JSON_SR) come first: a record in the registry's
 * wire format is decoded with the schema the registry has for its id (see {@link
 * RegisteredRecordText}); without a registry, or for an id it does not know, they are dropped and
 * the record shows as the other formats read it.
 */
final class TopicPrinter {
  private static final DateTimeFormatter ROWTIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS 'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Guesses keys;
  private final Guesses values;
  private final int interval;
  private final OptionalInt limit;
  private long seen;
  private long printed;
  private boolean formatsShown;

  TopicPrinter(SchemaRegistry registry, OptionalInt interval, OptionalInt limit) {
    this.keys = new Guesses(registry, true);
    this.values = new Guesses(registry, false);
    this.interval = Math.max(1, interval.orElse(1));
    this.limit = limit;
  }

  /** The lines for one batch of records, in order; none once the limit has been reached. */
  List<String> print(List<QueryBackend.TopicRecord> batch) {
    List<String> lines = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (QueryBackend.TopicRecord record : batch) {
      if (done()) {
        break;
      }
      if (seen++ % interval != 0) {
        continue;
      }
      printed++;
      records.add(
          "rowtime: "
              + (record.timestamp() < 0
                  ? "N/A"
                  : ROWTIME.format(Instant.ofEpochMilli(record.timestamp())))
              + ", key: "
              + keys.show(record.key())
              + ", value: "
              + values.show(record.value())
              + ", partition: "
              + record.partition());
    }
    if (!records.isEmpty() && !formatsShown) {
      formatsShown = true;
      lines.add("Key format: " + keys.possible());
      lines.add("Value format: " + values.possible());
    }
    lines.addAll(records);
    return lines;
  }

  /** Whether the LIMIT has been printed. */
  boolean done() {
    return limit.isPresent() && printed >= limit.getAsInt();
  }

  /** The formats still possible for keys (or values), in order of preference. */
  private static final class Guesses {
    private final List<Format> possible = new ArrayList<>();
    private boolean sawData;

    Guesses(SchemaRegistry registry, boolean keys) {
      for (Format format : Format.all(registry)) {
        if (keys) {
          possible.add(Format.session(format));
          possible.add(Format.timeWindowed("HOPPING", format));
          possible.add(Format.timeWindowed("TUMBLING", format));
        }
        possible.add(format);
      }
    }

    String show(byte[] bytes) {
      if (bytes == null) {
        return "<null>";
      }
      sawData = true;
      String shown = null;
      for (Format format : List.copyOf(possible)) {
        String read = format.read(bytes);
        if (read == null) {
          possible.remove(format);
        } else if (shown == null) {
          shown = read;
        }
      }
      return shown != null ? shown : escaped(bytes);
    }

    String possible() {
      if (!sawData) {
        return "¯\\_(ツ)_/¯ - no data processed";
      }
      if (possible.isEmpty()) {
        return "does not match any supported format. "
            + "It may be a STRING with encoding other than UTF8, or some other format.";
      }
      return String.join(" or ", possible.stream().map(Format::name).toList());
    }
  }

  /** A format that reads bytes into text, or null when the bytes are not in that format. */
  private record Format(String name, Reader reader) {
    interface Reader {
      String read(byte[] bytes);
    }

    String read(byte[] bytes) {
      return reader.read(bytes);
    }

    /** The registry formats, then the plain ones, in order of preference. */
    static List<Format> all(SchemaRegistry registry) {
      List<Format> formats = new ArrayList<>();
      for (RegisteredRecordText registered : RegisteredRecordText.all(registry)) {
        formats.add(new Format(registered.format(), registered::read));
      }
      formats.addAll(plain());
      return formats;
    }

    static List<Format> plain() {
      return List.of(
          new Format("JSON", TopicPrinter::json),
          new Format(
              "KAFKA_INT", b -> b.length == 4 ? String.valueOf(ByteBuffer.wrap(b).getInt()) : null),
          new Format(
              "KAFKA_BIGINT",
              b -> b.length == 8 ? String.valueOf(ByteBuffer.wrap(b).getLong()) : null),
          new Format(
              "KAFKA_DOUBLE",
              b -> b.length == 8 ? String.valueOf(ByteBuffer.wrap(b).getDouble()) : null),
          new Format("KAFKA_STRING", TopicPrinter::text));
    }

    /** A session-windowed key: the inner key, then its end and start (8 bytes each). */
    static Format session(Format inner) {
      return new Format(
          "SESSION(" + inner.name + ")",
          b -> {
            if (b.length < 16) {
              return null;
            }
            String key = inner.read(Arrays.copyOf(b, b.length - 16));
            ByteBuffer window = ByteBuffer.wrap(b, b.length - 16, 16);
            long end = window.getLong();
            long start = window.getLong();
            return key == null ? null : "[" + key + "@" + start + "/" + end + "]";
          });
    }

    /** A time-windowed key: the inner key, then its start (8 bytes); the end is not stored. */
    static Format timeWindowed(String kind, Format inner) {
      return new Format(
          kind + "(" + inner.name + ")",
          b -> {
            if (b.length < 8) {
              return null;
            }
            String key = inner.read(Arrays.copyOf(b, b.length - 8));
            long start = ByteBuffer.wrap(b, b.length - 8, 8).getLong();
            return key == null ? null : "[" + key + "@" + start + "/-]";
          });
    }
  }

  /** UTF-8 text, or null for empty or malformed bytes. */
  private static String text(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The text of a JSON document, or null when the bytes are not one. */
  private static String json(byte[] bytes) {
    String text = text(bytes);
    if (text == null) {
      return null;
    }
    try {
      JSON.readTree(text);
      return text;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Bytes as text, printable ASCII kept and the rest as {@code \xHH}. */
  private static String escaped(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02X", c));
      }
    }
    return out.toString();
  }
}
