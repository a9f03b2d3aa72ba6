package dev.millrace.engine.operator;

/** Which input of a stream-stream join a row came from. */
enum JoinSide {
  LEFT,
  RIGHT;

  JoinSide other() {
    return this == LEFT ? RIGHT : LEFT;
  }

  byte code() {
    return (byte) ordinal();
  }

  static JoinSide of(byte code) {
    return code == 0 ? LEFT : RIGHT;
  }
}
