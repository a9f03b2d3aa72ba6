package com.example;

import dev.millrace.engine.function.Udf;
import dev.millrace.engine.function.UdfDescription;

@UdfDescription(name = "shout", description = "Upper-cases a string and adds an exclamation mark.")
public class Shout {
  @Udf(description = "the shouted string, or NULL for NULL")
  public String shout(String text) {
    return text == null ? null : text.toUpperCase() + "!";
  }
}
