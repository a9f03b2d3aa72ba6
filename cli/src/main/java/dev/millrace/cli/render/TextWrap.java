package dev.millrace.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines no wider than a column: at spaces where possible, mid-word otherwise. */
final class TextWrap {

  private TextWrap() {}

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\r?\n", -1)) {
      wrapParagraph(paragraph, Math.max(1, width), lines);
    }
    return lines;
  }

  private static void wrapParagraph(String paragraph, int width, List<String> lines) {
    String rest = paragraph;
    while (rest.length() > width) {
      int space = rest.lastIndexOf(' ', width);
      int cut = space > 0 ? space : width;
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
  }
}
