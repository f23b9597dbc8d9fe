package dev.roster.scim.schema;

import static dev.roster.scim.schema.Attributes.binary;
import static dev.roster.scim.schema.Attributes.bool;
import static dev.roster.scim.schema.Attributes.complex;
import static dev.roster.scim.schema.Attributes.dateTime;
import static dev.roster.scim.schema.Attributes.multiValued;
import static dev.roster.scim.schema.Attributes.reference;
import static dev.roster.scim.schema.Attributes.string;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.SchemaResource;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The schemas Roster serves at {@code /Schemas} and enforces on every write: the core User and
 * Group schemas and the enterprise User extension (RFC 7643 §4, §8.7.1). Attributes are listed in
 * the RFC's order, which is also the order clients see them in.
 *
 * <p>Where Roster enforces more than the RFC asks, the definition says so and these definitions
 * win: a Group's {@code displayName} is required and unique per server, and reference values are
 * compared case-exactly.
 *
 * <p>The common attributes {@code id}, {@code externalId} and {@code meta} (RFC 7643 §3.1) belong
 * to every resource, so they are not in any schema; {@link #common()} describes them for validation
 * and attribute projection.
 *
 * <pre>{@code
 * SchemaResource user = ScimSchemas.byId("urn:ietf:params:scim:schemas:core:2.0:user").get();
 * List<AttributeDefinition> projectable = ScimSchemas.common();
 * }</pre>
 *
 * <p>The SDK's {@link SchemaResource} is mutable ({@code setMeta}, {@code setId}); treat these
 * instances as read-only, they are shared by every request.
 */
public final class ScimSchemas {

  public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE_USER_URN =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ROSTER_USER_URN = RosterSchemas.USER_URN;
  public static final String ROSTER_GROUP_URN = RosterSchemas.GROUP_URN;

  private static final String[] USER_OR_GROUP = {"User", "Group"};

  public static final SchemaResource USER =
      schema(USER_URN, "User", "A person with an account in a tenant", userAttributes());

  public static final SchemaResource ENTERPRISE_USER =
      schema(
          ENTERPRISE_USER_URN,
          "EnterpriseUser",
          "Organisational attributes of a User in a business or enterprise",
          enterpriseUserAttributes());

  public static final SchemaResource GROUP =
      schema(GROUP_URN, "Group", "A named collection of Users and Groups", groupAttributes());

  public static final SchemaResource ROSTER_USER =
      schema(
          ROSTER_USER_URN,
          "RosterUser",
          "Roster's attributes of a User: source, profile, properties, secrets, permissions",
          RosterSchemas.userAttributes());

  public static final SchemaResource ROSTER_GROUP =
      schema(
          ROSTER_GROUP_URN,
          "RosterGroup",
          "Roster's attributes of a Group: description, admin flag, LDAP mapping, permissions",
          RosterSchemas.groupAttributes());

  private static final List<SchemaResource> ALL =
      List.of(USER, ENTERPRISE_USER, ROSTER_USER, GROUP, ROSTER_GROUP);

  private static final List<AttributeDefinition> COMMON = commonAttributes();

  private ScimSchemas() {}

  /** The served schemas: User, EnterpriseUser, RosterUser, Group, RosterGroup, in that order. */
  public static List<SchemaResource> all() {
    return ALL;
  }

  /** The schema whose id is {@code urn}, ignoring case as RFC 7643 §2.1 asks of schema URIs. */
  public static Optional<SchemaResource> byId(String urn) {
    if (urn == null) {
      return Optional.empty();
    }
    return ALL.stream().filter(schema -> schema.getId().equalsIgnoreCase(urn)).findFirst();
  }

  /** {@code id}, {@code externalId} and {@code meta}: on every resource, in no schema. */
  public static List<AttributeDefinition> common() {
    return COMMON;
  }

  private static SchemaResource schema(
      String urn, String name, String description, List<AttributeDefinition> attributes) {
    SchemaResource schema = new SchemaResource(urn, name, description, attributes);
    schema.setMeta(
        new Meta().setResourceType("Schema").setLocation(URI.create("/scim/v2/Schemas/" + urn)));
    return schema;
  }

  private static List<AttributeDefinition> userAttributes() {
    return List.of(
        string("userName", "Unique identifier the User signs in with")
            .setRequired(true)
            // Unique: two accounts sharing one login name could not be told apart at sign-in.
            .setUniqueness(Uniqueness.SERVER)
            .build(),
        complex(
                "name",
                "The parts of the User's real name",
                string("formatted", "The full name, formatted for display").build(),
                string("familyName", "The family or last name").build(),
                string("givenName", "The given or first name").build(),
                string("middleName", "The middle name(s)").build(),
                string("honorificPrefix", "Title before the name, such as 'Dr.'").build(),
                string("honorificSuffix", "Suffix after the name, such as 'III'").build())
            .build(),
        string("displayName", "The name to show for the User").build(),
        string("nickName", "The casual name the User goes by").build(),
        reference("profileUrl", "A URL of the User's online profile", "external").build(),
        string("title", "The User's job title").build(),
        string("userType", "How the organisation classifies the User, e.g. 'Employee'").build(),
        string("preferredLanguage", "Preferred written or spoken language(s)").build(),
        string("locale", "Locale for localising currency, dates and numbers").build(),
        string("timezone", "Time zone in IANA 'Region/City' form").build(),
        bool("active", "Whether the User may sign in").build(),
        string("password", "The User's clear-text password; set only, never read")
            // Never returned, in any form: a hash is still a secret.
            .setMutability(Mutability.WRITE_ONLY)
            .setReturned(Returned.NEVER)
            .build(),
        multiValued(
                "emails",
                "Email addresses of the User",
                string("value", "The email address").build(),
                "work",
                "home",
                "other")
            .build(),
        multiValued(
                "phoneNumbers",
                "Phone numbers of the User",
                string("value", "The phone number").build(),
                "work",
                "home",
                "mobile",
                "fax",
                "pager",
                "other")
            .build(),
        multiValued(
                "ims",
                "Instant messaging addresses of the User",
                string("value", "The instant messaging address").build(),
                "aim",
                "gtalk",
                "icq",
                "xmpp",
                "msn",
                "skype",
                "qq",
                "yahoo")
            .build(),
        multiValued(
                "photos",
                "URLs of images of the User",
                reference("value", "The URL of the image", "external").build(),
                "photo",
                "thumbnail")
            .build(),
        addresses(),
        groups(),
        multiValued(
                "entitlements",
                "Entitlements the User has",
                string("value", "The entitlement").build())
            .build(),
        multiValued("roles", "Roles the User has", string("value", "The role").build()).build(),
        multiValued(
                "x509Certificates",
                "X.509 certificates issued to the User",
                binary("value", "The DER-encoded certificate, base64").build())
            .build());
  }

  private static AttributeDefinition addresses() {
    return complex(
            "addresses",
            "Physical mailing addresses of the User",
            string("formatted", "The full address, formatted for display").build(),
            string("streetAddress", "House number, street and the like").build(),
            string("locality", "City or locality").build(),
            string("region", "State or region").build(),
            string("postalCode", "Postal or ZIP code").build(),
            string("country", "Country, as an ISO 3166-1 alpha-2 code").build(),
            string("type", "A label indicating the address's function")
                .addCanonicalValues("work", "home", "other")
                .build(),
            bool("primary", "Whether this is the preferred address").build())
        .setMultiValued(true)
        .build();
  }

  /** Membership changes through the Group, never the User (RFC 7643 §4.1.2): all read-only. */
  private static AttributeDefinition groups() {
    return complex(
            "groups",
            "Groups the User belongs to, directly or through nested groups",
            readOnly(string("value", "The id of the Group")),
            readOnly(reference("$ref", "The URI of the Group", USER_OR_GROUP)),
            readOnly(string("display", "The Group's displayName")),
            readOnly(
                string("type", "How the User belongs to the Group")
                    .addCanonicalValues("direct", "indirect")))
        .setMultiValued(true)
        .setMutability(Mutability.READ_ONLY)
        .build();
  }

  private static List<AttributeDefinition> enterpriseUserAttributes() {
    return List.of(
        string("employeeNumber", "Identifier the organisation assigns to the User").build(),
        string("costCenter", "Name of the cost center").build(),
        string("organization", "Name of the organisation").build(),
        string("division", "Name of the division").build(),
        string("department", "Name of the department").build(),
        complex(
                "manager",
                "The User's manager",
                // Optional, as in the RFC's schema representation (RFC 7643 §8.7.1).
                string("value", "The id of the manager's User").build(),
                reference("$ref", "The URI of the manager's User", "User").build(),
                readOnly(string("displayName", "The manager's displayName")))
            .build());
  }

  private static List<AttributeDefinition> groupAttributes() {
    return List.of(
        string("displayName", "The name of the Group")
            // Stricter than the RFC, which leaves it optional: people pick groups by name, so a
            // tenant may not have two groups they cannot tell apart.
            .setRequired(true)
            .setUniqueness(Uniqueness.SERVER)
            .build(),
        complex(
                "members",
                "Users and Groups that belong to the Group",
                // A member is added or removed whole, never edited in place.
                string("value", "The id of the member").setMutability(Mutability.IMMUTABLE).build(),
                reference("$ref", "The URI of the member", USER_OR_GROUP)
                    .setMutability(Mutability.IMMUTABLE)
                    .build(),
                readOnly(string("display", "The member's display name")),
                string("type", "Whether the member is a User or a Group")
                    .addCanonicalValues(USER_OR_GROUP)
                    .setMutability(Mutability.IMMUTABLE)
                    .build())
            .setMultiValued(true)
            .build());
  }

  private static List<AttributeDefinition> commonAttributes() {
    return List.of(
        string("id", "The server-assigned, stable identifier of the resource")
            .setCaseExact(true)
            .setMutability(Mutability.READ_ONLY)
            .setReturned(Returned.ALWAYS)
            .setUniqueness(Uniqueness.SERVER)
            .build(),
        string("externalId", "The client's identifier for the resource").setCaseExact(true).build(),
        complex(
                "meta",
                "Resource metadata maintained by the server",
                readOnly(string("resourceType", "The resource type's name").setCaseExact(true)),
                readOnly(dateTime("created", "When the resource was added")),
                readOnly(dateTime("lastModified", "When the resource was last changed")),
                readOnly(reference("location", "The URI of the resource", "uri")),
                readOnly(string("version", "The resource's current ETag").setCaseExact(true)))
            .setMutability(Mutability.READ_ONLY)
            .build());
  }

  private static AttributeDefinition readOnly(AttributeDefinition.Builder builder) {
    return builder.setMutability(Mutability.READ_ONLY).build();
  }
}
