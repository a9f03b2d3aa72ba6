package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateKeysTest {
  @Test
  void aKeyEncodedInOneBufferIsTheKeyOfItsEncoding() {
    RowCodec codec = new RowCodec(List.of(SqlType.STRING, SqlType.INTEGER, SqlType.STRING));
    Object[] key = {
      "User_42 with a name longer than the first buffer of thirty-two bytes", 7, null
    };

    byte[] expected = StateKeys.key(codec.encode(key));

    assertArrayEquals(expected, StateKeys.key(codec, key));
    assertArrayEquals(
        new byte[] {1, 0},
        StateKeys.key(new RowCodec(List.of(SqlType.STRING)), new Object[] {null}));
  }
}
