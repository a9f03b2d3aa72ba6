package dev.millrace.engine.serde;

/**
 * How one SQL type travels as a protobuf field: its wire type, how to write a non-null value and
 * read one occurrence back, and the value an absent field stands for.
 */
interface ProtoValue {
  int wireType();

  void write(ProtoWriter out, Object value);

  Object read(ProtoReader in);

  /** The value of an absent field: proto3's default for scalars, null for messages. */
  Object absent();

  /** Whether repeated values of this type may be packed into one length-delimited run. */
  default boolean packable() {
    return wireType() != ProtoWriter.LENGTH_DELIMITED;
  }
}
