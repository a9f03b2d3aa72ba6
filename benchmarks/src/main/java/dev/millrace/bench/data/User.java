package dev.millrace.bench.data;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One row of the users table, keyed by {@code USERID}. */
@JsonPropertyOrder({"USERID", "REGISTERTIME", "REGIONID", "GENDER"})
public record User(
    @JsonProperty("USERID") String userId,
    @JsonProperty("REGISTERTIME") long registertime,
    @JsonProperty("REGIONID") String regionId,
    @JsonProperty("GENDER") String gender) {

  public byte[] key() {
    return userId.getBytes(UTF_8);
  }

  public byte[] json() {
    return Json.write(this);
  }
}
