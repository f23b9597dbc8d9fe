package dev.roster.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The generated directory of the sync scenarios, as LDIF: {@code users} inetOrgPerson entries and
 * {@code groups} groupOfNames, where the first group holds everyone, the second 2,500 users, every
 * other group 150 random users, and every tenth group from the third on also holds the next group
 * (nesting). At 100,000 users and 2,000 groups that is about 402,000 member values, about 432,000
 * memberships once nesting is resolved. A fixed seed makes the same directory every time.
 */
final class DirectoryLdif {
  static final String SUFFIX = "dc=roster,dc=test";
  static final String PEOPLE = "ou=people," + SUFFIX;
  static final String GROUPS = "ou=groups," + SUFFIX;
  static final String READER_DN = "cn=reader," + SUFFIX;
  static final String READER_PASSWORD = "reader-secret";
  static final String ROOT_DN = "cn=admin," + SUFFIX;
  static final String ROOT_PASSWORD = "admin-secret";

  private static final int LARGE_GROUP = 2_500;
  private static final int GROUP_SIZE = 150;

  /** What was generated. */
  record Shape(int users, int groups, long memberValues) {}

  private DirectoryLdif() {}

  static String userDn(int index) {
    return "uid=" + uid(index) + "," + PEOPLE;
  }

  static String uid(int index) {
    return String.format("u%06d", index);
  }

  static Shape write(Path file, int users, int groups) throws IOException {
    Random random = new Random(7);
    long values = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          entry(
              "dn: " + SUFFIX,
              "objectClass: dcObject",
              "objectClass: organization",
              "dc: roster",
              "o: bench"));
      out.write(
          entry(
              "dn: " + READER_DN,
              "objectClass: organizationalRole",
              "objectClass: simpleSecurityObject",
              "cn: reader",
              "userPassword: " + READER_PASSWORD));
      out.write(entry("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people"));
      out.write(entry("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups"));
      for (int i = 0; i < users; i++) {
        out.write(
            entry(
                "dn: " + userDn(i),
                "objectClass: inetOrgPerson",
                "uid: " + uid(i),
                "cn: User " + i,
                "givenName: User",
                "sn: N" + i,
                "mail: " + uid(i) + "@bench.test"));
      }
      for (int g = 0; g < groups; g++) {
        out.write(
            "dn: cn="
                + groupName(g)
                + ","
                + GROUPS
                + "\nobjectClass: groupOfNames\ncn: "
                + groupName(g)
                + "\n");
        for (int member : members(g, users, random)) {
          out.write("member: " + userDn(member) + "\n");
          values++;
        }
        if (g >= 2 && g % 10 == 0 && g + 1 < groups) {
          out.write("member: cn=" + groupName(g + 1) + "," + GROUPS + "\n");
          values++;
        }
        out.write("\n");
      }
    }
    return new Shape(users, groups, values);
  }

  static String groupName(int index) {
    return String.format("g%04d", index);
  }

  private static Iterable<Integer> members(int group, int users, Random random) {
    if (group == 0) {
      return () -> IntStream.range(0, users).iterator();
    }
    int size = Math.min(users, group == 1 ? LARGE_GROUP : GROUP_SIZE);
    Set<Integer> picked = new LinkedHashSet<>();
    while (picked.size() < size) {
      picked.add(random.nextInt(users));
    }
    return picked;
  }

  private static String entry(String... lines) {
    return String.join("\n", lines) + "\n\n";
  }
}
