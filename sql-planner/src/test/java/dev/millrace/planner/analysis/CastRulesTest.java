package dev.millrace.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastRulesTest {
  private static final SqlType.Map MAP = new SqlType.Map(SqlType.STRING, SqlType.INTEGER);
  private static final SqlType.Struct STRUCT =
      new SqlType.Struct(List.of(new SqlType.Field("F0", SqlType.INTEGER)));

  @Test
  void everyTypeCastsToStringButStringsDoNotCastToCollections() {
    assertTrue(CastRules.supported(MAP, SqlType.STRING));
    assertTrue(CastRules.supported(STRUCT, SqlType.STRING));
    assertTrue(CastRules.supported(new SqlType.Array(SqlType.BIGINT), SqlType.STRING));
    assertFalse(CastRules.supported(SqlType.STRING, new SqlType.Array(SqlType.INTEGER)));
    assertFalse(CastRules.supported(MAP, SqlType.INTEGER));
  }
}
