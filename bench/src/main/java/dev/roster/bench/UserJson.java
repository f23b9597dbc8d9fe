package dev.roster.bench;

/**
 * The users the bench creates: shaped like what an identity provider pushes (name, display name, a
 * work email, an external id, the enterprise extension's department and employee number), so that a
 * stored user has the usual handful of searchable values.
 */
final class UserJson {
  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private UserJson() {}

  /** The userName of the data set's user number {@code index}. */
  static String userName(int index) {
    return String.format("user%07d", index);
  }

  static String create(String userName, int number) {
    return "{\"schemas\":[\""
        + USER_SCHEMA
        + "\",\""
        + ENTERPRISE
        + "\"],\"userName\":\""
        + userName
        + "\",\"externalId\":\"ext-"
        + userName
        + "\",\"name\":{\"givenName\":\"Given"
        + number
        + "\",\"familyName\":\"Family"
        + number
        + "\"},\"displayName\":\"Given"
        + number
        + " Family"
        + number
        + "\",\"emails\":[{\"value\":\""
        + userName
        + "@bench.example\",\"type\":\"work\",\"primary\":true}],\"active\":true,\""
        + ENTERPRISE
        + "\":{\"employeeNumber\":\""
        + number
        + "\",\"department\":\"Department "
        + (number % 50)
        + "\"}}";
  }

  /** RFC 7644 §3.5.2: a PatchOp with one operation. */
  static String patch(String op, String path, String valueJson) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\""
        + op
        + "\",\"path\":\""
        + path
        + "\",\"value\":"
        + valueJson
        + "}]}";
  }
}
