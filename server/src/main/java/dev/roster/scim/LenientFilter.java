package dev.roster.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes the comparison values a client sent without quotes. RFC 7644 §3.4.2.2 makes a comparison
 * value a JSON literal, but Entra ID's published test collection sends {@code userName sw O} and
 * {@code meta.Created gt 2015-10-10T14:38:21.8617979-07:00}. A bare word after a comparison
 * operator that is not a JSON literal ({@code true}, {@code false}, {@code null}, a number) can
 * only mean a string, so it is quoted; everything else, quoted strings included, is left as it was
 * for the parser to judge.
 *
 * <pre>{@code
 * LenientFilter.quoteBareValues("userName sw O") // userName sw "O"
 * }</pre>
 */
final class LenientFilter {
  private static final Set<String> OPERATORS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  private LenientFilter() {}

  static String quoteBareValues(String filter) {
    StringBuilder out = new StringBuilder(filter.length() + 8);
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = endOfString(filter, i);
        out.append(filter, i, end);
        i = end;
      } else if (isWordChar(c)) {
        int end = endOfWord(filter, i);
        String word = filter.substring(i, end);
        out.append(word);
        i = end;
        if (OPERATORS.contains(word.toLowerCase(Locale.ROOT))) {
          i = value(filter, i, out);
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies the spaces and the value after an operator, quoting a bare word. */
  private static int value(String filter, int from, StringBuilder out) {
    int i = from;
    while (i < filter.length() && filter.charAt(i) == ' ') {
      out.append(' ');
      i++;
    }
    if (i == from || i >= filter.length() || !isWordChar(filter.charAt(i))) {
      return i; // not "operator value": leave it to the parser
    }
    int end = endOfWord(filter, i);
    String value = filter.substring(i, end);
    if (LITERALS.contains(value) || NUMBER.matcher(value).matches()) {
      out.append(value);
    } else {
      out.append('"').append(value.replace("\\", "\\\\")).append('"');
    }
    return end;
  }

  private static boolean isWordChar(char c) {
    return !Character.isWhitespace(c) && c != '"' && c != '(' && c != ')' && c != '[' && c != ']';
  }

  private static int endOfWord(String filter, int from) {
    int i = from;
    while (i < filter.length() && isWordChar(filter.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the closing quote of the JSON string starting at {@code from}. */
  private static int endOfString(String filter, int from) {
    int i = from + 1;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return filter.length();
  }
}
