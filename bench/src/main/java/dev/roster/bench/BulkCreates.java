package dev.roster.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /Bulk} with {@code size} user creates (RFC 7644 §3.7); every one must answer 201. One
 * operation is the whole Bulk request.
 */
record BulkCreates(String tag, int size) implements Scenario {
  private static final Pattern CREATED = Pattern.compile("\"status\"\\s*:\\s*\"?201\"?");

  @Override
  public String name() {
    return "POST /Bulk of " + size + " creates";
  }

  @Override
  public Step step(int worker) {
    return new Step() {
      private int n;

      @Override
      public Outcome perform(Http http) {
        StringBuilder body =
            new StringBuilder(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                    + "\"Operations\":[");
        for (int i = 0; i < size; i++) {
          String userName = tag + "-w" + worker + "-" + n + "-" + i;
          body.append(i == 0 ? "" : ",")
              .append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b")
              .append(i)
              .append("\",\"data\":")
              .append(UserJson.create(userName, i))
              .append('}');
        }
        body.append("]}");
        n++;
        Reply reply = http.post("/scim/v2/Bulk", body.toString());
        if (!reply.is(200)) {
          return Outcome.failed("POST /Bulk", reply);
        }
        Matcher created = CREATED.matcher(reply.body());
        int count = 0;
        while (created.find()) {
          count++;
        }
        return count == size
            ? Outcome.OK
            : Outcome.failed(count + " of " + size + " created", reply);
      }
    };
  }
}
