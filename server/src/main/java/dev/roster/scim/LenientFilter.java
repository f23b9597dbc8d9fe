package dev.roster.scim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filters as identity providers write them, put into RFC 7644 §3.4.2.2's grammar where their
 * meaning is plain; anything else is left as it was for the parser to judge.
 *
 * <ul>
 *   <li>A comparison value is a JSON literal, but Entra ID's published test collection sends {@code
 *       userName sw O} and {@code meta.Created gt 2015-10-10T14:38:21.8617979-07:00}. A bare word
 *       after an operator that is not {@code true}, {@code false}, {@code null} or a number can
 *       only mean a string, so it is quoted.
 *   <li>Entra ID looks users up with {@code emails[type eq "work"].value eq "…"}: a sub-attribute
 *       compared after a value filter, which the grammar has no place for. It asks for one element
 *       that satisfies both, which the grammar writes {@code emails[(type eq "work") and value eq
 *       "…"]}.
 * </ul>
 *
 * <pre>{@code
 * LenientFilter.normalize("userName sw O") // userName sw "O"
 * }</pre>
 */
final class LenientFilter {
  private static final Set<String> OPERATORS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  /** What may follow a {@code ]}: {@code .sub pr}, or {@code .sub op value}. */
  private static final Pattern AFTER_FILTER =
      Pattern.compile(
          "\\.([A-Za-z][\\w$-]*)(\\s+(?i:pr)\\b|\\s+(?i:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()\\[\\]\"]+))");

  /** More moves than any legitimate filter needs; the filter's own limits apply after this. */
  private static final int MAX_MOVES = 100;

  private LenientFilter() {}

  static String normalize(String filter) {
    return moveComparisonsIntoFilters(quoteBareValues(filter));
  }

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

  /** {@code a[f].b op v} becomes {@code a[(f) and b op v]}, for each such comparison. */
  static String moveComparisonsIntoFilters(String filter) {
    String current = filter;
    for (int moves = 0; moves < MAX_MOVES; moves++) {
      String next = moveFirst(current);
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  private static String moveFirst(String filter) {
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        i = endOfString(filter, i);
        continue;
      }
      if (c == '[') {
        open.push(i);
      } else if (c == ']' && !open.isEmpty()) {
        int start = open.pop();
        Matcher after = AFTER_FILTER.matcher(filter).region(i + 1, filter.length());
        if (after.lookingAt()) {
          return filter.substring(0, start + 1)
              + "("
              + filter.substring(start + 1, i)
              + ") and "
              + after.group(1)
              + after.group(2)
              + "]"
              + filter.substring(after.end());
        }
      }
      i++;
    }
    return filter;
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
