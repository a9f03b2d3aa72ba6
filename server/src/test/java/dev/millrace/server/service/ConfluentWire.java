package dev.millrace.server.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Record keys and values as Confluent's serializers write them, for tests that play producer. */
final class ConfluentWire {
  private ConfluentWire() {}

  /** {@code payload} after Confluent's header: a zero magic byte and the schema id. */
  static byte[] framed(int id, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
  }

  /** {@code datum} in Avro binary with {@code schema}, registered as {@code id}, framed. */
  static byte[] avro(int id, Schema schema, Object datum) {
    return framed(id, avroBytes(schema, datum));
  }

  /** {@code datum} in Avro binary with {@code schema}, without the header. */
  static byte[] avroBytes(Schema schema, Object datum) {
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
