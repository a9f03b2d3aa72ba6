package dev.millrace.server.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Records as Confluent's serializers write them, for tests that play another application's
 * producer: written here, independently of Millrace's own serdes, so that reading them tests those.
 */
public final class ConfluentWire {
  private ConfluentWire() {}

  /** {@code payload} after Confluent's header: a zero magic byte and the schema id. */
  public static byte[] wire(int id, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
  }

  /** {@code datum} in Avro binary with {@code schema}, registered as {@code id}, framed. */
  public static byte[] avro(int id, Schema schema, Object datum) {
    return wire(id, avroBytes(schema, datum));
  }

  /** The datum in Avro's binary encoding, without a header. */
  public static byte[] avroBytes(Schema schema, Object datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<Object>(schema).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
