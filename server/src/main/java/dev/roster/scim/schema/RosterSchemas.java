package dev.roster.scim.schema;

import static dev.roster.scim.schema.Attributes.bool;
import static dev.roster.scim.schema.Attributes.complex;
import static dev.roster.scim.schema.Attributes.dateTime;
import static dev.roster.scim.schema.Attributes.string;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import java.util.List;

/**
 * Roster's own schema extensions (RFC 7643 §3.3): what a data platform keeps about a user and a
 * group beyond the core schemas — where the account comes from, its profile, properties,
 * preferences, secrets and credentials, trial and permissions.
 *
 * <pre>{@code
 * {"schemas": [..., "urn:roster:scim:extension:2.0:User"],
 *  "urn:roster:scim:extension:2.0:User": {"profile": "DESIGNER", "hidden": false}}
 * }</pre>
 *
 * Secret values and credential passwords are write-only and never returned (RFC 7643 §7 {@code
 * returned: never}); their names, types, users and dates are.
 */
final class RosterSchemas {
  static final String USER_URN = "urn:roster:scim:extension:2.0:User";
  static final String GROUP_URN = "urn:roster:scim:extension:2.0:Group";

  private RosterSchemas() {}

  static List<AttributeDefinition> userAttributes() {
    return List.of(
        string("source", "Who owns the account: LOCAL, LDAP or LOCAL_NO_AUTH; set on create only")
            .addCanonicalValues("LOCAL", "LDAP", "LOCAL_NO_AUTH")
            .setCaseExact(true)
            .setMutability(Mutability.IMMUTABLE)
            .build(),
        readOnly(
            string("sourceName", "The directory source an LDAP account comes from")
                .setCaseExact(true)),
        readOnly(
            string("ldapDn", "The DN of the directory entry an LDAP account mirrors")
                .setCaseExact(true)),
        string("profile", "The user's profile (licence), one of the configured profiles")
            .setCaseExact(true)
            .build(),
        bool("hidden", "Whether lists leave the user out unless asked").build(),
        string("comment", "A free comment about the user").build(),
        keyValues("userProperties", "Properties the user and administrators may set"),
        keyValues("adminProperties", "Properties only an admin-scope token may set"),
        keyValues(
            "preferences",
            "User preferences; known keys: uiLanguage, dailyDigestEmails, discussionEmails,"
                + " rememberPositionFlow; other keys are kept as given",
            "uiLanguage",
            "dailyDigestEmails",
            "discussionEmails",
            "rememberPositionFlow"),
        complex(
                "secrets",
                "Named secrets of the user; values are encrypted at rest and never returned",
                name("The secret's name, unique per user"),
                writeOnly(string("value", "The secret's value; written, never read")),
                readOnly(dateTime("lastUpdate", "When the value was last set")))
            .setMultiValued(true)
            .build(),
        complex(
                "credentials",
                "Per-connection and per-plugin-preset credentials; passwords are never returned",
                name(
                    "What the credential is for: a connection name, or plugin/paramSet/preset/param"),
                string("kind", "Whether the credential is for a connection or a plugin preset")
                    .addCanonicalValues("connection", "pluginPreset")
                    .build(),
                string("type", "The kind of credential, such as BASIC or OAUTH")
                    .addCanonicalValues("BASIC", "OAUTH")
                    .build(),
                string("user", "The user name the credential signs in with").build(),
                writeOnly(string("password", "The password; written, never read")),
                readOnly(dateTime("lastUpdate", "When the password was last set")))
            .setMultiValued(true)
            .build(),
        complex(
                "trial",
                "A trial licence; set by admin-scope tokens",
                dateTime("grantedOn", "When the trial was granted").build(),
                dateTime("expiresOn", "When the trial ends").build(),
                readOnly(bool("valid", "Whether the trial is running now")),
                readOnly(bool("expired", "Whether the trial has ended")))
            .build(),
        readOnly(dateTime("lastLogin", "When the user last signed in through Roster")),
        readOnly(
            string(
                    "effectivePermissions",
                    "The user's entitlements and the permissions of every group it is in,"
                        + " directly or through nested groups")
                .setMultiValued(true)));
  }

  static List<AttributeDefinition> groupAttributes() {
    return List.of(
        string("description", "What the group is for").build(),
        bool("admin", "Whether members of the group administer the tenant").build(),
        readOnly(
            string("source", "Who owns the group: LOCAL, or LDAP for a mirrored directory group")
                .addCanonicalValues("LOCAL", "LDAP")
                .setCaseExact(true)),
        string(
                "ldapGroupNames",
                "Directory groups whose members the LDAP sync puts into this (local) group")
            .setCaseExact(true)
            .setMultiValued(true)
            .build(),
        string("permissions", "Permissions the group grants its members, nested groups included")
            .setMultiValued(true)
            .build());
  }

  /** A multi-valued {@code {key, value}} map: one element per key. */
  private static AttributeDefinition keyValues(
      String name, String description, String... knownKeys) {
    return complex(
            name,
            description + "; one element per key",
            string("key", "The key, unique within the attribute")
                .setCaseExact(true)
                .setRequired(true)
                .addCanonicalValues(knownKeys)
                .build(),
            string("value", "The value").setCaseExact(true).build())
        .setMultiValued(true)
        .build();
  }

  private static AttributeDefinition name(String description) {
    return string("name", description).setCaseExact(true).setRequired(true).build();
  }

  private static AttributeDefinition readOnly(AttributeDefinition.Builder builder) {
    return builder.setMutability(Mutability.READ_ONLY).build();
  }

  private static AttributeDefinition writeOnly(AttributeDefinition.Builder builder) {
    return builder.setMutability(Mutability.WRITE_ONLY).setReturned(Returned.NEVER).build();
  }
}
