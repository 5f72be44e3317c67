package dev.rewards.api;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators (QuickTheories) of requests no client should send: wrong types, huge, negative and
 * zero numbers, NaN, overlong and unicode strings, deep or huge JSON, missing bodies, wrong content
 * types, traversal in path ids. Every generated write request carries at least one element that
 * makes it invalid (its "poison"), so the only right answer is a 4xx that changes nothing.
 */
final class HostileRequests {

  /**
   * A request as sent: method, path (already encoded), headers, body (null for none). Reads without
   * an id (options, analytics, admin lists) may still succeed: their bad query parameters are
   * either refused or ignored; everything else must be refused.
   */
  record Request(String method, String path, Map<String, String> headers, String body) {

    boolean mustBeRefused() {
      return (method.equals("POST") && !isBatch())
          || path.matches("/rewards/(points|transactions|redemptions|statement|commands)/.*")
          // any spelling of an admin route without the admin token
          || (decodedLowerCase(path).contains("/admin") && !headers.containsKey("Authorization"));
    }

    /** The path as a server may read it: percent-decoded, any case. */
    private static String decodedLowerCase(String path) {
      String decoded;
      try {
        decoded = java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        decoded = path;
      }
      return decoded.replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
    }

    /** A batch answers 200 with a refusal per purchase: all of them must be refused. */
    boolean isBatch() {
      return path.equals(BATCH_PATH);
    }

    @Override
    public String toString() {
      String shown =
          body == null
              ? ""
              : body.length() > 300
                  ? body.substring(0, 300) + "…(" + body.length() + " chars)"
                  : body;
      return method + " " + path + " " + headers + " " + shown;
    }
  }

  /** A write endpoint: its path prefix (user id follows) and its fields, numeric or text. */
  private record Endpoint(
      String pathPrefix,
      List<String> numbers,
      List<String> texts,
      Map<String, String> validValues) {}

  private static final Endpoint CREATE_USER =
      new Endpoint(
          "/rewards/create-user",
          List.of(),
          List.of("id", "name", "email"),
          Map.of("id", "\"fresh-user\"", "name", "\"Fresh\"", "email", "\"fresh@example.com\""));
  private static final Endpoint ADD_POINTS =
      new Endpoint(
          "/rewards/add-points/",
          List.of("points", "amount"),
          List.of("category", "timestamp", "expiresAt"),
          Map.of(
              "points",
              "10",
              "amount",
              "20.5",
              "category",
              "\"shopping\"",
              "timestamp",
              "\"2024-01-15T10:00:00Z\"",
              "expiresAt",
              "\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\""));
  private static final Endpoint REDEEM =
      new Endpoint(
          "/rewards/redeem/",
          List.of("pointsToRedeem"),
          List.of("rewardType"),
          Map.of("pointsToRedeem", "500", "rewardType", "\"voucher\""));
  private static final Endpoint REFUND =
      new Endpoint(
          "/rewards/refund/",
          List.of("amount"),
          List.of("commandId", "reason"),
          Map.of(
              "commandId",
              "\"3f1c2a7e-8b4d-4c1e-9a0f-2d6b5e7c8a91\"",
              "amount",
              "10",
              "reason",
              "\"returned\""));
  private static final Endpoint CANCEL_REDEMPTION =
      new Endpoint(
          "/rewards/cancel-redemption/",
          List.of(),
          List.of("redemptionCommandId", "reason"),
          Map.of(
              "redemptionCommandId",
              "\"9b2e4f10-5c3a-4d7e-8f61-0a1b2c3d4e5f\"",
              "reason",
              "\"order cancelled\""));
  private static final Endpoint HOLD =
      new Endpoint(
          "/rewards/holds/",
          List.of("points", "expiresInSeconds"),
          List.of("rewardType"),
          Map.of("points", "500", "rewardType", "\"voucher\"", "expiresInSeconds", "60"));
  private static final List<Endpoint> WRITES =
      List.of(CREATE_USER, ADD_POINTS, REDEEM, REFUND, CANCEL_REDEMPTION, HOLD);
  static final String BATCH_PATH = "/rewards/add-points-batch";

  private static final List<String> READ_PATHS =
      List.of(
          "/rewards/points/%s",
          "/rewards/transactions/%s",
          "/rewards/redemptions/%s",
          "/rewards/statement/%s",
          "/rewards/commands/%s",
          "/rewards/options",
          "/analytics/rewards-distribution",
          "/rewards/admin/users",
          "/rewards/admin/transactions",
          "/rewards/admin/redemptions",
          "/rewards/admin/database-summary");

  private final String existingUser;
  private final String adminToken;

  HostileRequests(String existingUser, String adminToken) {
    this.existingUser = existingUser;
    this.adminToken = adminToken;
  }

  Gen<Request> requests() {
    return Generate.frequency(
            Pair.of(5, poisonedWrites()),
            Pair.of(2, wrongContentType()),
            Pair.of(2, badHeaders()),
            Pair.of(2, brokenBodies()),
            Pair.of(3, hostileReads()),
            Pair.of(2, poisonedBatches()),
            Pair.of(1, hostileTokenRequests()),
            Pair.of(1, badWaitPreferences()),
            Pair.of(2, spelledAdminPaths()))
        .describedAs(Request::toString);
  }

  // --- the batch: one purchase poisoned as a single add-points would be

  private Gen<Request> poisonedBatches() {
    return poisonedWrites(List.of(ADD_POINTS))
        .map(
            single -> {
              String item = single.body().substring(0, single.body().length() - 1);
              String withUser =
                  item.length() > 1
                      ? item + ",\"userId\":" + quote(existingUser) + "}"
                      : "{\"userId\":" + quote(existingUser) + "}";
              return new Request("POST", BATCH_PATH, json(), "{\"purchases\":[" + withUser + "]}");
            });
  }

  // --- WebSocket tokens for ids that are not users

  private Gen<Request> hostileTokenRequests() {
    return hostileIds().map(id -> new Request("POST", "/rewards/ws-token/" + id, json(), ""));
  }

  // --- Prefer: wait outside 1..30 or not a number

  private Gen<Request> badWaitPreferences() {
    Gen<String> waits =
        Generate.pick(
            List.of(
                "wait=0",
                "wait=31",
                "wait=-1",
                "wait=abc",
                "wait=1.5",
                "wait=99999999999999999999",
                "wait=",
                "respond-async, wait=3600",
                "wait=\"\"",
                "WAIT=0"));
    return Generate.pick(List.of(ADD_POINTS, REDEEM))
        .zip(
            waits,
            (endpoint, wait) -> {
              Map<String, String> headers = new TreeMap<>(json());
              headers.put("Prefer", wait);
              return new Request(
                  "POST",
                  pathOf(endpoint, existingUser),
                  headers,
                  objectOf(new TreeMap<>(endpoint.validValues())));
            });
  }

  // --- admin routes in other spellings, without the admin token

  private Gen<Request> spelledAdminPaths() {
    List<String> spelled = new ArrayList<>();
    for (String admin : READ_PATHS) {
      if (admin.startsWith("/rewards/admin")) {
        dev.rewards.support.testing.PathSpellings.of(admin).stream()
            .filter(path -> !path.contains("\\")) // the JDK client will not send a backslash
            .forEach(spelled::add);
      }
    }
    return Generate.pick(spelled).map(path -> new Request("GET", path, Map.of(), null));
  }

  // --- write requests with one poisoned field among plausible ones

  private Gen<Request> poisonedWrites() {
    return poisonedWrites(WRITES);
  }

  private Gen<Request> poisonedWrites(List<Endpoint> endpoints) {
    return Generate.pick(endpoints)
        .zip(
            integers().between(0, 2),
            bodyNoise(),
            longs().all(),
            (endpoint, poisonKind, noise, pick) -> {
              Map<String, String> fields = new TreeMap<>(endpoint.validValues());
              fields.putAll(noise); // before the poison, so it never overrides it
              List<String> all = new ArrayList<>(endpoint.validValues().keySet());
              String target = all.get((int) Math.floorMod(pick, all.size()));
              switch (poisonKind) {
                case 0 -> fields.put("unexpected" + Math.floorMod(pick, 1000), "1");
                case 1 -> fields.put(target, wrongTypeFor(endpoint, target, pick));
                default -> fields.put(target, outOfRangeFor(endpoint, target, pick));
              }
              return new Request("POST", pathOf(endpoint, existingUser), json(), objectOf(fields));
            });
  }

  /** Other real fields set to anything at all: they may or may not be valid. */
  private Gen<Map<String, String>> bodyNoise() {
    Gen<Pair<String, String>> field =
        Generate.pick(
                List.of(
                    "points",
                    "amount",
                    "category",
                    "timestamp",
                    "pointsToRedeem",
                    "rewardType",
                    "id",
                    "name",
                    "email"))
            .zip(jsonValues(), Pair::of);
    return lists()
        .of(field)
        .ofSizeBetween(0, 2)
        .map(
            pairs -> {
              Map<String, String> noise = new TreeMap<>();
              pairs.forEach(p -> noise.put(p._1, p._2));
              return noise;
            });
  }

  private static String wrongTypeFor(Endpoint endpoint, String field, long pick) {
    // never null: an optional field set to null counts as absent, and the request could be valid
    List<String> wrong =
        endpoint.numbers().contains(field)
            ? List.of("\"12\"", "true", "[1]", "{\"$gt\":0}")
            : field.equals("timestamp") || field.equals("expiresAt")
                ? List.of("false", "[\"a\"]", "{\"$ne\":null}")
                : List.of("7", "false", "[\"a\"]", "{\"$ne\":null}");
    return wrong.get((int) Math.floorMod(pick, wrong.size()));
  }

  private static String outOfRangeFor(Endpoint endpoint, String field, long pick) {
    List<String> bad =
        switch (field) {
          case "points" ->
              List.of(
                  "0",
                  "-1",
                  // beyond an earn's million; a hold may take up to ten million
                  endpoint == HOLD ? "10000001" : "1000001",
                  "1.5",
                  "1e309",
                  "9223372036854775808",
                  "-9223372036854775809",
                  "NaN",
                  "Infinity");
          case "amount" ->
              List.of(
                  "0", "-0.01", "1.001", "1000000000.01", "1e400", "-Infinity", "NaN", "1e-400");
          case "pointsToRedeem" ->
              List.of(
                  "0",
                  "-500",
                  "499",
                  "10000001",
                  "500.5",
                  "1e309",
                  "NaN",
                  "99999999999999999999999");
          case "expiresAt" ->
              List.of(
                  "\"2020-01-01T00:00:00Z\"",
                  "\"+999999999-12-31T23:59:59Z\"",
                  "\"-999999999-01-01T00:00:00Z\"",
                  "\"2200-01-01T00:00:00Z\"",
                  "\"next year\"");
          case "timestamp" ->
              List.of(
                  "\"yesterday\"",
                  "\"2024-13-45T99:00:00Z\"",
                  "\"\"",
                  "\"" + "9".repeat(400) + "\"");
          case "category" ->
              List.of(
                  "\"\"", "\"   \"", "\"" + "c".repeat(51) + "\"", "\"" + "é".repeat(5000) + "\"");
          case "rewardType" ->
              List.of(
                  "\"\"", "\"free_money\"", "\"../voucher\"", "\"VOUCHER\"", "\"voucher\\u0000\"");
          case "id" ->
              List.of(
                  "\"\"",
                  "\"../../etc/passwd\"",
                  "\"a/b\"",
                  "\"" + "x".repeat(65) + "\"",
                  "\"😀\"",
                  "\"a b\"",
                  "\"%2e%2e\"");
          case "name" -> List.of("\"\"", "\"" + "n".repeat(201) + "\"");
          case "expiresInSeconds" ->
              List.of("9", "86401", "-1", "0", "1.5", "1e10", "2147483648", "NaN");
          case "reason" -> List.of("\"\"", "\"" + "r".repeat(201) + "\"");
          case "commandId", "redemptionCommandId" ->
              List.of(
                  "\"\"",
                  "\"not-a-uuid\"",
                  "\"3f1c2a7e-8b4d-4c1e-9a0f-2d6b5e7c8a9g\"",
                  "\"3f1c2a7e-8b4d-4c1e-9a0f-2d6b5e7c8a91-extra\"",
                  "\"" + "f".repeat(5000) + "\"");
          default ->
              List.of(
                  "\"not-an-email\"",
                  "\"\"",
                  "\"@\"",
                  "\"a@\"",
                  "\"" + "e".repeat(300) + "@example.com\"");
        };
    return bad.get((int) Math.floorMod(pick, bad.size()));
  }

  // --- a valid body sent the wrong way

  private Gen<Request> wrongContentType() {
    Gen<String> types =
        Generate.pick(
            List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "image/png",
                ""));
    return Generate.pick(WRITES)
        .zip(
            types,
            (endpoint, type) -> {
              Map<String, String> headers =
                  type.isEmpty() ? Map.of() : Map.of("Content-Type", type);
              return new Request(
                  "POST",
                  pathOf(endpoint, existingUser),
                  headers,
                  objectOf(new TreeMap<>(endpoint.validValues())));
            });
  }

  private Gen<Request> badHeaders() {
    Gen<String> badKeys =
        Generate.oneOf(
            strings().betweenCodePoints('!', '~').ofLengthBetween(129, 400),
            // not non-ASCII: the JDK's HTTP client would send '?' for it, a valid key
            Generate.pick(List.of("", " ", "key with spaces", "tab\there", "a\u007fb")));
    return Generate.pick(List.of(ADD_POINTS, REDEEM))
        .zip(
            badKeys,
            (endpoint, key) -> {
              Map<String, String> headers = new TreeMap<>(json());
              headers.put("Idempotency-Key", key);
              return new Request(
                  "POST",
                  pathOf(endpoint, existingUser),
                  headers,
                  objectOf(new TreeMap<>(endpoint.validValues())));
            });
  }

  private Gen<Request> brokenBodies() {
    Gen<String> bodies =
        Generate.oneOf(
            strings().allPossible().ofLengthBetween(0, 200),
            integers().between(1, 60_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
            integers()
                .between(1, 20_000)
                .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
            integers()
                .between(70_000, 300_000)
                .map(size -> "{\"category\":\"" + "x".repeat(size) + "\"}"),
            integers().between(1_000, 30_000).map(n -> "[" + "1,".repeat(n) + "1]"),
            Generate.pick(
                List.of(
                    "",
                    "null",
                    "[]",
                    "\"string\"",
                    "42",
                    "{",
                    "{\"points\":}",
                    "{\"points\":10,}",
                    "\uFEFF{}",
                    "{\"points\":10 \"amount\":5}",
                    "{'points':10}",
                    "{\"points\":NaN}")));
    return Generate.pick(WRITES)
        .zip(
            bodies,
            (endpoint, body) -> new Request("POST", pathOf(endpoint, existingUser), json(), body));
  }

  private Gen<Request> hostileReads() {
    Gen<String> queries =
        Generate.pick(
            List.of(
                "",
                "?page=0",
                "?page=-1",
                "?limit=0",
                "?limit=101",
                "?page=abc",
                "?limit=1e3",
                "?page=99999999999999999999",
                "?page=1.5",
                "?limit=",
                "?page=1&page=2",
                "?limit=%00",
                "?page=%F0%9F%98%80"));
    return Generate.pick(READ_PATHS)
        .zip(
            hostileIds(),
            queries,
            (template, id, query) -> {
              String path = template.contains("%s") ? template.formatted(id) : template;
              Map<String, String> headers =
                  path.startsWith("/rewards/admin")
                      ? Map.of("Authorization", "Bearer " + adminToken)
                      : Map.of();
              return new Request("GET", path + query, headers, null);
            });
  }

  private Gen<String> hostileIds() {
    return Generate.oneOf(
        strings().allPossible().ofLengthBetween(1, 100).map(HostileRequests::encode),
        strings().betweenCodePoints('a', 'z').ofLengthBetween(65, 3000),
        Generate.pick(
            List.of(
                "..",
                "%2e%2e",
                "..%2F..%2Factuator",
                "%2Fetc%2Fpasswd",
                "%00",
                "a%00b",
                "..%5C..%5Cwindows",
                "%252e%252e",
                "not-a-uuid",
                "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffffff",
                "NaN",
                "-1")));
  }

  private static Gen<String> jsonValues() {
    return Generate.oneOf(
        Generate.pick(
            List.of(
                "0",
                "-1",
                "-0",
                "1e309",
                "NaN",
                "Infinity",
                "9223372036854775808",
                "0.000001",
                "true",
                "null",
                "[]",
                "{}",
                "[[[[[[]]]]]]")),
        longs().all().map(n -> String.valueOf(n)),
        doubles().any().map(d -> String.valueOf(d)),
        strings().allPossible().ofLengthBetween(0, 60).map(HostileRequests::quote));
  }

  private static String pathOf(Endpoint endpoint, String user) {
    return endpoint == CREATE_USER ? endpoint.pathPrefix() : endpoint.pathPrefix() + user;
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }

  private static String objectOf(Map<String, String> fields) {
    StringBuilder body = new StringBuilder("{");
    fields.forEach(
        (name, value) ->
            body.append(body.length() > 1 ? "," : "")
                .append(quote(name))
                .append(':')
                .append(value));
    return body.append('}').toString();
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
