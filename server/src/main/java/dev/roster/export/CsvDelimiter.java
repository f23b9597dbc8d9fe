package dev.roster.export;

import dev.roster.domain.Invalid;

/**
 * The character between the fields of a CSV export: a comma unless the caller asks for another
 * (Opendatasoft's export takes {@code delimiter=;}). Any single character except the quote and the
 * line breaks, which RFC 4180 gives a meaning of their own; {@code tab} and {@code \t} name the
 * tab, which is awkward to type in a shell.
 *
 * <pre>{@code
 * CsvDelimiter.parse(";")   // ;
 * CsvDelimiter.parse("tab") // \t
 * }</pre>
 */
public record CsvDelimiter(String text) {
  public static final CsvDelimiter COMMA = new CsvDelimiter(",");

  /** The delimiter a caller named; {@link #COMMA} when it named none. */
  public static CsvDelimiter parse(String requested) {
    if (requested == null) {
      return COMMA;
    }
    if (requested.equals("tab") || requested.equals("\\t")) {
      return new CsvDelimiter("\t");
    }
    if (requested.codePointCount(0, requested.length()) != 1) {
      throw new Invalid(
          "delimiter",
          "must be one character (such as , or ; or tab), got "
              + requested.codePointCount(0, requested.length())
              + " characters");
    }
    int c = requested.codePointAt(0);
    if (c == '"' || c == '\r' || c == '\n') {
      throw new Invalid(
          "delimiter", "cannot be a quote or a line break: RFC 4180 gives those their own meaning");
    }
    if (c != '\t' && Character.isISOControl(c)) {
      throw new Invalid("delimiter", "cannot be a control character other than tab");
    }
    return new CsvDelimiter(requested);
  }
}
