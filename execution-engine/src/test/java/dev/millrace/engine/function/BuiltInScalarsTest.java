package dev.millrace.engine.function;

import static dev.millrace.engine.function.Calls.call;
import static dev.millrace.engine.function.Calls.callTyped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built-in scalar functions, with expectations taken from the compatibility cases and ksqlDB's
 * docs.
 */
class BuiltInScalarsTest {

  @Test
  void fromBytesWritesUpperCaseHexButEncodeLowerCase() {
    assertEquals(
        "1AB2",
        callTyped(
            "FROM_BYTES",
            List.of(SqlType.BYTES, SqlType.STRING),
            java.nio.ByteBuffer.wrap(new byte[] {0x1a, (byte) 0xb2}),
            "hex"));
    assertEquals("1ab2", call("ENCODE", "GrI=", "base64", "hex"));
  }

  @Test
  void substringCountsFromOneAndFromTheEnd() {
    assertEquals("string", call("SUBSTRING", "some_string", 6));
    assertEquals("str", call("SUBSTRING", "some_string", 6, 3));
    assertEquals("er", call("SUBSTRING", "another", 6, 3));
    assertEquals("", call("SUBSTRING", "short", 6, 3));
    assertEquals("so", call("SUBSTRING", "some string", 0, 2));
    assertEquals("ng", call("SUBSTRING", "some_string", -2));
    assertNull(call("SUBSTRING", "some_string", null));
  }

  @Test
  void concatSkipsNullsAndConcatWsNeedsASeparator() {
    assertEquals("prefix-s1-postfix", call("CONCAT", "prefix-", "s1", "-postfix"));
    assertEquals("ab", call("CONCAT", "a", null, "b"));
    assertEquals(
        "fooSEPbazSEPliteral", call("CONCAT_WS", "SEP", "foo", null, "baz", null, "literal"));
    assertNull(call("CONCAT_WS", null, "foo", "bar"));
  }

  @Test
  void instrPadAndSplitFollowTheDocs() {
    assertEquals(2, call("INSTR", "CORPORATE FLOOR", "OR"));
    assertEquals(5, call("INSTR", "CORPORATE FLOOR", "OR", 3));
    assertEquals(14, call("INSTR", "CORPORATE FLOOR", "OR", 3, 2));
    assertEquals(5, call("INSTR", "CORPORATE FLOOR", "OR", -3));
    assertEquals(2, call("INSTR", "CORPORATE FLOOR", "OR", -3, 2));
    assertEquals(0, call("INSTR", "CORPORATE FLOOR", "MISSING"));
    assertEquals("BarBFoo", call("LPAD", "Foo", 7, "Bar"));
    assertEquals("Fo", call("LPAD", "Foo", 2, "Bar"));
    assertEquals("FooBarB", call("RPAD", "Foo", 7, "Bar"));
    assertNull(call("RPAD", "Foo", 7, ""));
    assertEquals(List.of("", "a", "b", ""), call("SPLIT", ",a,b,", ","));
    assertEquals(List.of("a", "b"), call("SPLIT", "ab", ""));
    assertEquals(List.of(""), call("SPLIT", "", ""));
    assertEquals(
        Map.of("apple", "green/banana"),
        call("SPLIT_TO_MAP", "apple:green/banana:yellow/cherry:red", "&&", ":"));
    assertEquals(
        Map.of("apple", "green", "banana", "yellow"),
        call("SPLIT_TO_MAP", "apple:green//banana:yellow/", "/", ":"));
  }

  @Test
  void masksCharactersByKind() {
    assertEquals("Xx-Xxxx--nnn", call("MASK", "My Test $123"));
    assertEquals("*y *est $111", call("MASK", "My Test $123", "*", null, "1", null));
    assertEquals("My Txxx--nnn", call("MASK_KEEP_LEFT", "My Test $123", 4));
    assertEquals("Xx-Xxxx-$123", call("MASK_KEEP_RIGHT", "My Test $123", 4));
    assertEquals("Xx-Xest $123", call("MASK_LEFT", "My Test $123", 4));
    assertEquals("My Test -nnn", call("MASK_RIGHT", "My Test $123", 4));
  }

  @Test
  void roundingHalvesUpAndKeepsTypes() {
    assertEquals(2L, call("ROUND", 1.5));
    assertEquals(1.2, call("ROUND", 1.234567, 1));
    assertEquals(1.23, call("ROUND", 1.234567, 2));
    assertEquals(110.0, call("ROUND", 111.0, -1));
    assertEquals(-1L, call("ROUND", -1.5));
    assertEquals(new BigDecimal("2"), call("ROUND", new BigDecimal("1.5")));
    assertEquals(
        new SqlType.Decimal(17, 0),
        FunctionRegistry.builtIns()
            .resolveScalar("ROUND", List.of(new SqlType.Decimal(33, 16)))
            .returnType());
    assertEquals(2.5649493574615367, (Double) call("LOG", 13.0), 1e-12);
    assertEquals(
        new SqlType.Decimal(13, 6),
        FunctionRegistry.builtIns()
            .resolveScalar(
                "GREATEST", List.of(new SqlType.Decimal(9, 2), new SqlType.Decimal(7, 6)))
            .returnType());
    assertEquals(new BigDecimal("1.0"), call("FLOOR", new BigDecimal("1.7")));
    assertEquals(2.0, call("CEIL", 1.1));
    assertEquals(5, call("ABS", -5));
    assertEquals(-1L, call("TRUNC", -1.7));
    assertEquals(1.23, call("TRUNC", 1.234567, 2));
    assertEquals(100.0, call("TRUNC", 111.0, -2));
    assertEquals(new BigDecimal("1"), call("TRUNC", new BigDecimal("1.7")));
    assertEquals(
        8634.659796579544,
        (Double) call("GEO_DISTANCE", 37.4439, -122.1663, 51.5257, -0.1122),
        1e-6);
    assertEquals(
        5365.659729188263,
        (Double) call("GEO_DISTANCE", 37.4439, -122.1663, 51.5257, -0.1122, "MILES"),
        1e-6);
    assertEquals(-1, call("SIGN", -3.0));
  }

  @Test
  void nullFunctions() {
    assertEquals(2, call("COALESCE", null, 2, 3));
    assertEquals("b", call("IFNULL", null, "b"));
    assertNull(call("NULLIF", 1, 1));
    assertEquals(1, call("NULLIF", 1, 2));
  }

  @Test
  void greatestAndLeastIgnoreNulls() {
    assertEquals(
        9223372036854775807L,
        call("GREATEST", 9223372036854775807L, -9223372036854775808L, null, null));
    assertEquals("a", call("LEAST", "b", null, "a"));
    assertEquals(
        1.0E12,
        callTyped(
            "GREATEST",
            List.of(SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE),
            -1,
            1000000000000L,
            99999.99999));
    assertEquals(
        SqlType.DATE,
        FunctionRegistry.builtIns()
            .resolveScalar("GREATEST", Arrays.asList(SqlType.DATE, null, SqlType.STRING))
            .returnType());
    assertEquals(
        19157, callTyped("GREATEST", List.of(SqlType.DATE, SqlType.STRING), 18824, "2022-06-14"));
  }

  @Test
  void arrayFunctions() {
    assertEquals(3, call("ARRAY_LENGTH", List.of(1, 2, 3)));
    assertEquals(true, call("ARRAY_CONTAINS", List.of(1, 2, 3), 3));
    assertEquals(List.of(1, 2, 3), call("ARRAY_DISTINCT", List.of(1, 1, 2, 3, 1, 2)));
    assertEquals(
        Arrays.asList("apple", null, "cherry"),
        call("ARRAY_DISTINCT", Arrays.asList("apple", "apple", null, "cherry")));
    assertEquals(2, call("ARRAY_MAX", Arrays.asList(-1, 2, null, 0)));
    assertEquals("Bar", call("ARRAY_MIN", Arrays.asList("Foo", "Bar", null, "baz")));
    assertEquals(Arrays.asList(-1, 0, 2, null), call("ARRAY_SORT", Arrays.asList(-1, 2, null, 0)));
    assertEquals(
        Arrays.asList(2, 0, -1, null), call("ARRAY_SORT", Arrays.asList(-1, 2, null, 0), "desc"));
    assertEquals(List.of(1, 3, 1), call("ARRAY_REMOVE", List.of(1, 2, 3, 2, 1), 2));
    assertEquals(List.of(1), call("ARRAY_EXCEPT", List.of(1, 2, 3, 1, 2), List.of(2, 3)));
    assertEquals(List.of(1, 2), call("ARRAY_INTERSECT", List.of(1, 2, 3, 1, 2), List.of(2, 1)));
    assertEquals(List.of(1, 2, 3, 4), call("ARRAY_UNION", List.of(1, 2, 3, 1, 2), List.of(4, 1)));
    assertEquals("true,null,false", call("ARRAY_JOIN", Arrays.asList(true, null, false)));
    assertEquals("123-420", call("ARRAY_JOIN", List.of(1, 23, -42, 0), null));
    assertEquals(List.of("b", "c"), call("SLICE", List.of("a", "b", "c", "d"), 2, 3));
    assertEquals(List.of(0, 3, 6, 9), call("GENERATE_SERIES", 0, 9, 3));
    assertEquals(List.of(3, 2, 1, 0), call("GENERATE_SERIES", 3, 0));
  }

  @Test
  void eltFieldAndMaps() {
    assertEquals("something", call("ELT", 2, "ignored", "something"));
    assertNull(call("ELT", 3, "a", "b"));
    assertEquals(2, call("FIELD", "b", "a", "b"));
    assertEquals(0, call("FIELD", null, "a"));
    assertEquals(List.of("apple"), call("MAP_KEYS", Map.of("apple", 10)));
    assertEquals(List.of(10), call("MAP_VALUES", Map.of("apple", 10)));
    assertEquals(Map.of("a", 1, "b", 2), call("AS_MAP", List.of("a", "b"), List.of(1, 2, 3)));
  }

  @Test
  void jsonFunctions() {
    String json =
        "{\"name\": \"cdc\", \"array\": [1.23450, 2], \"@type\": \"UDF\", \"log\": {\"cloud\": \"gcp\"}}";
    assertEquals("cdc", call("EXTRACTJSONFIELD", json, "$.name"));
    assertEquals("1.23450", call("EXTRACTJSONFIELD", json, "$.array[0]"));
    assertNull(call("EXTRACTJSONFIELD", json, "$.array[-1]"));
    assertEquals("UDF", call("EXTRACTJSONFIELD", json, "$.@type"));
    assertEquals("gcp", call("EXTRACTJSONFIELD", json, "$.log.cloud"));
    assertEquals("{\"cloud\":\"gcp\"}", call("EXTRACTJSONFIELD", json, "$.log"));
    assertEquals(3, call("JSON_ARRAY_LENGTH", "[1, [1, [2]], 3]"));
    assertNull(call("JSON_ARRAY_LENGTH", "{}"));
    assertNull(call("JSON_ARRAY_LENGTH", "abc"));
    assertEquals(true, call("IS_JSON_STRING", "\"abc\""));
    assertEquals(false, call("IS_JSON_STRING", ""));
    assertEquals(true, call("JSON_ARRAY_CONTAINS", "[\"Pink\", null]", "Pink"));
    assertEquals("{\"a\":1,\"b\":2}", call("JSON_CONCAT", "{\"a\": 1}", "{\"b\": 2}"));
    assertEquals("[1,2,{\"a\":1},4]", call("JSON_CONCAT", "[1, 2]", "{\"a\": 1}", "4"));
    assertNull(call("JSON_CONCAT", "1", "", "2"));
    assertEquals(
        Map.of("Red", "3", "White", "Seven"),
        call("JSON_RECORDS", "{\"Red\": 3, \"White\": \"Seven\"}"));
    assertEquals("\"1972-09-27\"", callTyped("TO_JSON_STRING", List.of(SqlType.DATE), 1000));
    assertEquals("null", call("TO_JSON_STRING", (Object) null));
    assertEquals("[1,2,3]", call("TO_JSON_STRING", List.of(1, 2, 3)));
  }

  @Test
  void dateAndTimeFunctions() {
    assertEquals(17662, call("STRINGTODATE", "2018-05-11Lit", "yyyy-MM-dd'Lit'"));
    assertEquals(18993, call("STRINGTODATE", "01-JAN-2022", "dd-MMM-yyyy"));
    assertEquals(18993, call("STRINGTODATE", "JAN-2022", "MMM-yyyy"));
    assertEquals("31-12-1969Sophia", call("DATETOSTRING", -1, "dd-MM-yyyy'Sophia'"));
    assertEquals(
        1526075913000L,
        call("STRINGTOTIMESTAMP", "2018-05-11T21:58:33Z", "yyyy-MM-dd'T'HH:mm:ssX"));
    assertEquals(
        1566912669200L,
        call("STRINGTOTIMESTAMP", "2019-08-27T13:31:09.2+0000", "yyyy-MM-dd'T'HH:mm:ss.SX"));
    assertEquals(
        "2018-05-11 14:58:33 PDT",
        call(
            "TIMESTAMPTOSTRING", 1526075913000L, "yyyy-MM-dd HH:mm:ss zzz", "America/Los_Angeles"));
    assertEquals(
        1000L,
        callTyped(
            "TIMESTAMPADD",
            List.of(SqlType.STRING, SqlType.INTEGER, SqlType.TIMESTAMP),
            "SECONDS",
            1,
            0L));
  }

  @Test
  void lambdasTransformFilterAndReduce() {
    LambdaValue plusOne = lambda(x -> (Integer) x + 1);
    ResolvedScalar transform =
        FunctionRegistry.builtIns()
            .resolveScalarCall(
                "TRANSFORM",
                List.of(
                    ArgumentType.of(new SqlType.Array(SqlType.INTEGER)),
                    new ArgumentType.Lambda(1, params -> SqlType.INTEGER)));
    assertEquals(new SqlType.Array(SqlType.INTEGER), transform.returnType());
    assertEquals(
        List.of(2, 3), transform.instantiate().apply(new Object[] {List.of(1, 2), plusOne}));
    ResolvedScalar reduce =
        FunctionRegistry.builtIns()
            .resolveScalarCall(
                "REDUCE",
                List.of(
                    ArgumentType.of(new SqlType.Array(SqlType.BIGINT)),
                    ArgumentType.of(SqlType.INTEGER),
                    new ArgumentType.Lambda(2, params -> SqlType.BIGINT)));
    assertEquals(SqlType.BIGINT, reduce.returnType());
    assertEquals(
        List.of(new SqlType.Array(SqlType.BIGINT), SqlType.BIGINT, SqlType.BIGINT),
        reduce.parameterTypes());
  }

  @Test
  void regexEncodingAndUrls() {
    assertEquals("test_", call("REGEXP_EXTRACT", "test.", "some_test_string"));
    assertEquals("zhang", call("REGEXP_EXTRACT", "(.*) (.*)", "steven zhang", 2));
    assertEquals(
        List.of("mehta", ""),
        call("REGEXP_EXTRACT_ALL", "(\\w+) (\\w*)", "apurva mehta agavra ", 2));
    assertEquals("Example!", call("ENCODE", "4578616d706C6521", "hex", "ascii"));
    assertEquals("RXhhbXBsZSE=", call("ENCODE", "0x4578616d706C6521", "hex", "base64"));
    assertEquals("K", call("CHR", "\\u004b"));
    assertNull(call("CHR", "75"));
    assertEquals("K", call("CHR", 75));
    assertEquals("confluent.io", call("URL_EXTRACT_HOST", "http://test@confluent.io:8080"));
    assertEquals(
        8080, call("URL_EXTRACT_PORT", "http://test@confluent.io:8080/nested/path?query&jobs"));
    assertEquals(
        "b", call("URL_EXTRACT_PARAMETER", "http://www.test.com/?one=a&two=b&three", "two"));
    assertEquals("url%20encoded", call("URL_ENCODE_PARAM", "url encoded"));
  }

  private static LambdaValue lambda(java.util.function.Function<Object, Object> f) {
    return new LambdaValue() {
      public Object call(Object a) {
        return f.apply(a);
      }

      public Object call(Object a, Object b) {
        throw new UnsupportedOperationException();
      }

      public Object call(Object a, Object b, Object c) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void splitOfEmptyBytesByAnEmptyDelimiterIsOneEmptyPart() {
    List<SqlType> bytesArgs = List.of(SqlType.BYTES, SqlType.BYTES);
    java.nio.ByteBuffer empty = java.nio.ByteBuffer.wrap(new byte[0]);
    assertEquals(List.of(empty), callTyped("SPLIT", bytesArgs, empty, empty));
    assertEquals(
        List.of(
            java.nio.ByteBuffer.wrap(new byte[] {'a'}), java.nio.ByteBuffer.wrap(new byte[] {'b'})),
        callTyped("SPLIT", bytesArgs, java.nio.ByteBuffer.wrap(new byte[] {'a', 'b'}), empty));
  }
}
