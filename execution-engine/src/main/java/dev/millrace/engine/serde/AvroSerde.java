package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.types.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The AVRO format in Confluent's wire format (see {@link RegistryWire}). Writing uses the schema
 * Millrace generates for the columns, registered under the topic's subject on first use, or the
 * registered schema a source names by id ({@code schemaId} option). Reading decodes with the
 * writer's schema, looked up by the record's id once, and takes columns by field name (exact, else
 * ignoring case), so producers may add, drop or reorder fields.
 */
final class AvroSerde implements ValueSerde {
  private final List<Column> columns;
  private final boolean wrapped;
  private final RegistryBinding binding;
  private final boolean key;
  private final OptionalInt schemaId;
  private final String fullName;
  private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
  private volatile Writer writer;

  AvroSerde(
      List<Column> columns,
      boolean wrapped,
      RegistryBinding binding,
      boolean key,
      OptionalInt schemaId,
      String fullName) {
    this.columns = List.copyOf(columns);
    this.wrapped = wrapped;
    this.binding = binding;
    this.key = key;
    this.schemaId = schemaId;
    this.fullName = fullName;
    binding.registry().checkAvailable();
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null) {
      return null;
    }
    Writer w = writer();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.writeBytes(RegistryWire.header(w.id()));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      w.datumWriter().write(datum(values, w.schema()), encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerdeException("Failed to serialize AVRO: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    int id = RegistryWire.schemaId(bytes, "AVRO");
    Reader reader = readers.computeIfAbsent(id, this::reader);
    try {
      Object datum =
          reader
              .datumReader()
              .read(
                  null,
                  DecoderFactory.get()
                      .binaryDecoder(
                          bytes, RegistryWire.HEADER, bytes.length - RegistryWire.HEADER, null));
      return columns(datum, reader.schema());
    } catch (IOException | RuntimeException e) {
      throw new SerdeException(
          "Failed to deserialize AVRO with schema id " + id + ": " + e.getMessage(), e);
    }
  }

  private Object datum(Object[] values, Schema schema) {
    if (bare(schema)) {
      return AvroValues.toAvro(values[0], columns.get(0).type(), schema);
    }
    Schema record = AvroSchemas.nonNull(schema);
    // A registered schema may have fields no column fills: they keep their defaults.
    GenericData.Record datum = AvroValues.withDefaults(record);
    for (int i = 0; i < columns.size(); i++) {
      Schema.Field field = AvroValues.field(record, columns.get(i).name());
      if (field != null) {
        AvroValues.put(datum, field, values[i], columns.get(i).type());
      }
    }
    return datum;
  }

  private Object[] columns(Object datum, Schema schema) {
    if (bare(schema)) {
      return new Object[] {AvroValues.fromAvro(datum, schema, columns.get(0).type())};
    }
    if (datum == null) {
      return null;
    }
    if (!(datum instanceof GenericRecord record)) {
      throw new SerdeException(
          "expected an Avro record with fields "
              + columns.stream().map(Column::name).toList()
              + " but the writer schema is "
              + schema);
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = AvroValues.fieldValue(record, columns.get(i).name(), columns.get(i).type());
    }
    return values;
  }

  /** Whether the single column is the whole datum rather than a field of a record. */
  private boolean bare(Schema schema) {
    return columns.size() == 1
        && (!wrapped || AvroSchemas.nonNull(schema).getType() != Schema.Type.RECORD);
  }

  private Writer writer() {
    Writer w = writer;
    if (w == null) {
      w = schemaId.isPresent() ? registered(schemaId.getAsInt()) : generated();
      writer = w;
    }
    return w;
  }

  private Writer registered(int id) {
    Schema schema = parse(id);
    return new Writer(id, schema, new GenericDatumWriter<>(schema));
  }

  private Writer generated() {
    Schema schema = AvroSchemas.of(columns, wrapped, fullName);
    int id =
        binding.registry().register(binding.subject(key), RegisteredSchema.avro(schema.toString()));
    return new Writer(id, schema, new GenericDatumWriter<>(schema));
  }

  private Reader reader(int id) {
    Schema schema = parse(id);
    return new Reader(schema, new GenericDatumReader<>(schema));
  }

  private Schema parse(int id) {
    RegisteredSchema registered =
        binding
            .registry()
            .byId(id)
            .orElseThrow(
                () ->
                    new SerdeException(
                        "Failed to deserialize AVRO: schema id "
                            + id
                            + " is not in the schema registry"));
    if (!registered.type().equals("AVRO")) {
      throw new SchemaRegistryException(
          "Schema id " + id + " is a " + registered.type() + " schema, not AVRO");
    }
    try {
      return new Schema.Parser().parse(registered.text());
    } catch (AvroRuntimeException e) {
      throw new SerdeException(
          "Schema id " + id + " is not a valid Avro schema: " + e.getMessage(), e);
    }
  }

  private record Writer(int id, Schema schema, GenericDatumWriter<Object> datumWriter) {}

  private record Reader(Schema schema, GenericDatumReader<Object> datumReader) {}
}
