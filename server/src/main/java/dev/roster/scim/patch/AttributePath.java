package dev.roster.scim.patch;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import java.util.List;

/**
 * A PATCH path resolved against a resource type's schemas (RFC 7644 §3.5.2): spelled as the schema
 * spells it, so the SDK finds the attribute in the resource's JSON whatever case the client used,
 * with the definitions it passes through.
 *
 * @param path the canonical path: core attributes without their schema URN, extension attributes
 *     with it
 * @param topKey the key of the resource's JSON object the path lies under: a core attribute's name
 *     or an extension's URN
 * @param chain the attribute definitions from the top attribute down to the one targeted; empty
 *     when the path names a whole extension
 */
record AttributePath(Path path, String topKey, List<AttributeDefinition> chain) {
  AttributePath {
    chain = List.copyOf(chain);
  }

  /** The attribute the path targets, or null when it names a whole extension. */
  AttributeDefinition leaf() {
    return chain.isEmpty() ? null : chain.get(chain.size() - 1);
  }

  /** True when a {@code [filter]} selects values of the attribute the path ends at. */
  boolean endsInFilter() {
    return path.size() > 0 && path.getLastElement().getValueFilter() != null;
  }

  boolean readOnly() {
    return chain.stream().anyMatch(d -> d.getMutability() == Mutability.READ_ONLY);
  }

  boolean immutable() {
    return chain.stream().anyMatch(d -> d.getMutability() == Mutability.IMMUTABLE);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
