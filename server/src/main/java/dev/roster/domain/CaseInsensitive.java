package dev.roster.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key under which names that must be unique "ignoring case" are compared (userName, group
 * displayName, token names). Compatibility-normalized (NFKC: full-width letters and ligatures
 * become their plain forms), lower-cased without locale surprises, then composed (NFC), in the
 * spirit of RFC 8265's UsernameCaseMapped: {@code ＡＢＣ}, {@code abc} and {@code ABC} are one name,
 * and so are the two ways of writing {@code café}.
 */
public final class CaseInsensitive {
  private CaseInsensitive() {}

  public static String key(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }
}
