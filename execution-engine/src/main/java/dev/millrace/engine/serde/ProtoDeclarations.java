package dev.millrace.engine.serde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages and enums a {@code .proto} file declares, together with those of the files it
 * imports, by full name ({@code package.Outer.Inner}); type names used by fields resolve as protoc
 * resolves them, from the innermost enclosing scope outwards. Only the root file's messages can be
 * chosen as the schema's message, as Confluent's serializers choose them.
 */
final class ProtoDeclarations {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\"[^\"]*\"|'[^']*'|[A-Za-z_.][A-Za-z0-9_.]*|-?\\d+|//[^\\n]*|/\\*.*?\\*/|\\S",
          Pattern.DOTALL);

  /**
   * A message: its full name, its fields, and the messages declared inside it, in order (the order
   * that Confluent's message indexes count).
   */
  record Message(String fullName, List<FieldDecl> fields, List<Message> nested) {}

  /**
   * A field as declared; {@code params} are the key/value {@code params} of its {@code
   * (confluent.field_meta)} option, such as a decimal's precision and scale.
   */
  record FieldDecl(
      String name, String type, boolean repeated, String mapKey, Map<String, String> params) {}

  private final Map<String, Message> messages = new HashMap<>();
  private final Set<String> enums = new HashSet<>();
  private final List<Message> rootMessages;
  private final String rootPackage;

  private ProtoDeclarations(String root, Collection<String> imports) {
    for (String imported : imports) {
      new Parser(imported).file();
    }
    Parser parser = new Parser(root);
    parser.file();
    this.rootMessages = List.copyOf(parser.topLevel);
    this.rootPackage = parser.packageName;
  }

  /** The declarations of {@code root} and of the texts of the files it imports. */
  static ProtoDeclarations parse(String root, Collection<String> imports) {
    return new ProtoDeclarations(root, imports);
  }

  /**
   * The root file's message with this name, resolved from the file's package ({@code acme.Order}
   * or, in package {@code acme}, {@code Order}); by default the file's first message.
   *
   * @throws SerdeException when the file has no message, or none by that name
   */
  Message chosen(Optional<String> name) {
    if (rootMessages.isEmpty()) {
      throw new SerdeException("The protobuf schema defines no message");
    }
    if (name.isEmpty()) {
      return rootMessages.get(0);
    }
    return resolve(name.get(), rootPackage)
        .filter(full -> indexes(full).isPresent())
        .map(messages::get)
        .orElseThrow(
            () ->
                new SerdeException(
                    "Schema " + name.get() + " is not defined in the protobuf schema"));
  }

  /**
   * Where the message is in the root file, as Confluent's wire format's message indexes say it: its
   * position among the file's top-level messages, then among each enclosing message's nested ones.
   */
  List<Integer> indexes(Message message) {
    return indexes(message.fullName()).orElseThrow();
  }

  /**
   * The root file's message at these message indexes.
   *
   * @throws SerdeException when the file has no message there
   */
  Message at(List<Integer> indexes) {
    List<Message> level = rootMessages;
    Message found = null;
    for (int index : indexes) {
      if (index < 0 || index >= level.size()) {
        throw new SerdeException("The protobuf schema has no message at indexes " + indexes);
      }
      found = level.get(index);
      level = found.nested();
    }
    if (found == null) {
      throw new SerdeException("The protobuf schema has no message at indexes " + indexes);
    }
    return found;
  }

  private Optional<List<Integer>> indexes(String fullName) {
    return path(rootMessages, fullName);
  }

  private static Optional<List<Integer>> path(List<Message> level, String fullName) {
    for (int i = 0; i < level.size(); i++) {
      Message candidate = level.get(i);
      if (candidate.fullName().equals(fullName)) {
        return Optional.of(List.of(i));
      }
      if (fullName.startsWith(candidate.fullName() + ".")) {
        Optional<List<Integer>> inner = path(candidate.nested(), fullName);
        if (inner.isPresent()) {
          List<Integer> indexes = new ArrayList<>();
          indexes.add(i);
          indexes.addAll(inner.get());
          return Optional.of(indexes);
        }
      }
    }
    return Optional.empty();
  }

  /** The message a field's type names from inside {@code scope}, if it names one. */
  Optional<Message> message(String type, String scope) {
    return resolve(type, scope).map(messages::get);
  }

  /** Whether a field's type names an enum from inside {@code scope}. */
  boolean isEnum(String type, String scope) {
    return resolve(type, scope).filter(enums::contains).isPresent();
  }

  /**
   * The full name a type name means inside {@code scope}: a name with a leading dot is already
   * full; any other is tried in the scope, then in each enclosing scope out to the top.
   */
  private Optional<String> resolve(String type, String scope) {
    if (type.startsWith(".")) {
      return Optional.of(type.substring(1)).filter(this::declared);
    }
    String at = scope;
    while (true) {
      String candidate = at.isEmpty() ? type : at + "." + type;
      if (declared(candidate)) {
        return Optional.of(candidate);
      }
      if (at.isEmpty()) {
        return Optional.empty();
      }
      at = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "";
    }
  }

  private boolean declared(String fullName) {
    return messages.containsKey(fullName) || enums.contains(fullName);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (!m.group().startsWith("//") && !m.group().startsWith("/*")) {
        tokens.add(m.group());
      }
    }
    return tokens;
  }

  /** A small recursive-descent reader of one file's proto3 declarations. */
  private final class Parser {
    final List<String> tokens;
    final List<Message> topLevel = new ArrayList<>();
    String packageName = "";
    int at;

    Parser(String text) {
      this.tokens = tokens(text);
    }

    void file() {
      while (at < tokens.size()) {
        String token = next();
        switch (token) {
          case "message" -> topLevel.add(message(packageName));
          case "enum" -> enumeration(packageName);
          case "package" -> {
            packageName = next();
            skipStatement();
          }
          case "service", "extend" -> skipBlock();
          case "syntax", "import", "option" -> skipStatement();
          default -> {}
        }
      }
    }

    Message message(String scope) {
      String name = next();
      Message message =
          new Message(
              scope.isEmpty() ? name : scope + "." + name, new ArrayList<>(), new ArrayList<>());
      messages.put(message.fullName(), message);
      expect("{");
      while (!peek().equals("}")) {
        String token = next();
        switch (token) {
          case "message" -> message.nested().add(message(message.fullName()));
          case "enum" -> enumeration(message.fullName());
          case "extend" -> skipBlock();
          case "option", "reserved", "extensions" -> skipStatement();
          case "oneof" -> {
            next();
            expect("{");
            while (!peek().equals("}")) {
              String first = next();
              if (first.equals("option")) {
                skipStatement();
              } else {
                field(message, first);
              }
            }
            next();
          }
          case ";" -> {}
          default -> field(message, token);
        }
      }
      next();
      return message;
    }

    void field(Message message, String first) {
      boolean repeated = first.equals("repeated");
      String type = repeated || first.equals("optional") ? next() : first;
      String mapKey = null;
      if (type.equals("map")) {
        expect("<");
        mapKey = next();
        expect(",");
        type = next();
        expect(">");
      }
      String name = next();
      message.fields().add(new FieldDecl(name, type, repeated, mapKey, fieldParams()));
    }

    /**
     * Reads the rest of a field declaration ({@code = 6 [options];}), collecting the {@code key:
     * "..."} and {@code value: "..."} pairs of each {@code { }} group of its options.
     */
    Map<String, String> fieldParams() {
      Map<String, String> params = new HashMap<>();
      String key = null;
      String value = null;
      int depth = 0;
      while (at < tokens.size()) {
        String token = next();
        if (token.equals("[") || token.equals("{")) {
          depth++;
          key = null;
          value = null;
        } else if (token.equals("]") || token.equals("}")) {
          depth--;
          if (key != null && value != null) {
            params.put(key, value);
          }
          key = null;
          value = null;
        } else if (depth == 0 && token.equals(";")) {
          return params;
        } else if ((token.equals("key") || token.equals("value"))
            && at + 1 < tokens.size()
            && tokens.get(at).equals(":")
            && tokens.get(at + 1).startsWith("\"")) {
          next();
          String text = next();
          text = text.substring(1, text.length() - 1);
          if (token.equals("key")) {
            key = text;
          } else {
            value = text;
          }
        }
      }
      return params;
    }

    void enumeration(String scope) {
      String name = next();
      enums.add(scope.isEmpty() ? name : scope + "." + name);
      skipBlock();
    }

    /** Skips what follows up to the end of the next {@code { }} block. */
    void skipBlock() {
      String token = next();
      while (!token.equals("{")) {
        token = next();
      }
      int depth = 1;
      while (depth > 0) {
        token = next();
        depth += token.equals("{") ? 1 : token.equals("}") ? -1 : 0;
      }
    }

    void skipStatement() {
      int depth = 0;
      while (at < tokens.size()) {
        String token = next();
        depth +=
            token.equals("[") || token.equals("{")
                ? 1
                : token.equals("]") || token.equals("}") ? -1 : 0;
        if (depth == 0 && token.equals(";")) {
          return;
        }
      }
    }

    String next() {
      if (at >= tokens.size()) {
        throw new SerdeException("The protobuf schema ends unexpectedly");
      }
      return tokens.get(at++);
    }

    String peek() {
      if (at >= tokens.size()) {
        throw new SerdeException("The protobuf schema ends unexpectedly");
      }
      return tokens.get(at);
    }

    void expect(String token) {
      String found = next();
      if (!found.equals(token)) {
        throw new SerdeException(
            "Invalid protobuf schema: expected '" + token + "' but found '" + found + "'");
      }
    }
  }
}
