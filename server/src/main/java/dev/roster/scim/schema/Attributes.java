package dev.roster.scim.schema;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;

/**
 * Starting points for the attribute shapes that recur in the core schemas (RFC 7643 §2.3, §7).
 *
 * <p>Every factory sets all characteristics explicitly rather than relying on the SDK builder's
 * defaults, so a schema reads the same whatever a future SDK version chooses. The SDK keeps
 * canonical values and reference types in a hash set, so their JSON order is not the order given
 * here; the order of attributes and sub-attributes is kept. The result is a builder, so a caller
 * can still override one characteristic:
 *
 * <pre>{@code
 * Attributes.string("userName", "Unique login name").setRequired(true).build();
 * }</pre>
 */
final class Attributes {

  private Attributes() {}

  /** A single-valued, optional, case-insensitive, read-write string, returned by default. */
  static AttributeDefinition.Builder string(String name, String description) {
    return of(name, Type.STRING, description);
  }

  static AttributeDefinition.Builder bool(String name, String description) {
    return of(name, Type.BOOLEAN, description);
  }

  static AttributeDefinition.Builder dateTime(String name, String description) {
    return of(name, Type.DATETIME, description);
  }

  /** Binary values are base64 and compared byte for byte, hence case-exact. */
  static AttributeDefinition.Builder binary(String name, String description) {
    return of(name, Type.BINARY, description).setCaseExact(true);
  }

  /** A URI reference; URIs are compared exactly, so reference values are case-exact. */
  static AttributeDefinition.Builder reference(
      String name, String description, String... referenceTypes) {
    return of(name, Type.REFERENCE, description)
        .setCaseExact(true)
        .addReferenceTypes(referenceTypes);
  }

  static AttributeDefinition.Builder complex(
      String name, String description, AttributeDefinition... subAttributes) {
    return of(name, Type.COMPLEX, description).addSubAttributes(subAttributes);
  }

  /**
   * The multi-valued "value, display, type, primary" shape that User uses for emails, phone
   * numbers, photos and the like (RFC 7643 §2.4, §4.1.2).
   *
   * @param value the {@code value} sub-attribute, whose type differs per attribute
   * @param canonicalTypes the canonical values of the {@code type} sub-attribute; may be empty
   */
  static AttributeDefinition.Builder multiValued(
      String name, String description, AttributeDefinition value, String... canonicalTypes) {
    return complex(
            name,
            description,
            value,
            string("display", "A human-readable name, primarily used for display purposes").build(),
            string("type", "A label indicating the value's function")
                .addCanonicalValues(canonicalTypes)
                .build(),
            bool("primary", "Whether this is the preferred value; at most one may be true").build())
        .setMultiValued(true);
  }

  private static AttributeDefinition.Builder of(String name, Type type, String description) {
    return new AttributeDefinition.Builder()
        .setName(name)
        .setType(type)
        .setDescription(description)
        .setMultiValued(false)
        .setRequired(false)
        .setCaseExact(false)
        .setMutability(Mutability.READ_WRITE)
        .setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE);
  }
}
