package io.ledgerline.testsupport.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A committed OpenAPI document ({@code docs/api/<file>}) as the judge of every answer a test receives:
 * an answer whose status, media type, headers or body the document does not declare fails the test.
 *
 * <p>The document's schemas are JSON Schema 2020-12 (OpenAPI 3.1). An object schema that does not say
 * which other properties it allows is held closed here, so an undocumented field fails too; the
 * document itself is not changed, it says what the services send and a client may rely on.
 *
 * <p>Answers to requests that name no documented operation (an unknown path under {@code /api/}: 404;
 * a documented path with an undocumented method: 405; or what the server decides before it chooses an
 * operation: 400, 401, 403, 406, 413) and answers about how a request was asked
 * rather than what an operation does (405, 406 for an Accept the operation cannot serve) are the
 * services' shared error answers: unless the operation documents them, each must be
 * {@code application/problem+json} matching the document's {@code Problem} schema.
 *
 * <p>The document describes the API, everything under {@code /api/}. The service's operational
 * endpoints beside it (Actuator's health and metrics, the served document, Swagger UI) are not part
 * of it and are not judged here.
 */
public final class ApiContract {

    /** Where the validator keeps the document; nothing is fetched from it. */
    private static final String IRI = "https://ledgerline.io/api/";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document's own top-level keys are not schema keywords; neither are OpenAPI's annotations. */
    private static final Dialect OPENAPI_SCHEMAS = Dialect.builder(Dialects.getDraft202012())
            .keywords(Stream.of("openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components",
                    "security", "tags", "externalDocs", "example", "discriminator", "xml")
                    .map(NonValidationKeyword::new).toList())
            .build();

    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** Statuses answered for requests that match no documented operation, each a problem+json {@code Problem}. */
    private static final List<Integer> NO_OPERATION_STATUSES = List.of(400, 401, 403, 404, 405, 406, 413);

    /** The document's Problem, closed: what an answer to no documented operation must be. */
    private static final String CLOSED_PROBLEM = "ClosedProblem";

    /** Where the API is: every documented path starts with it. */
    private static final String API = "/api/";

    /** Statuses that judge how a request was asked (method, Accept), not what its operation does. */
    private static final List<Integer> HOW_ASKED_STATUSES = List.of(405, 406);

    private static final Map<String, ApiContract> LOADED = new ConcurrentHashMap<>();

    private final String fileName;
    private final String iri;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<PathTemplate> paths;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    ApiContract(String fileName, JsonNode committed) {
        this.fileName = fileName;
        this.iri = IRI + fileName;
        this.document = closeObjects(committed.deepCopy());
        String asJson;
        try {
            asJson = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDialect(OPENAPI_SCHEMAS, builder -> builder.schemas(Map.of(iri, asJson)));
        List<PathTemplate> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith(API)) {
                throw new IllegalStateException(fileName + " documents " + path + ", outside " + API
                        + ": the answers of such a path would not be checked");
            }
            templates.add(PathTemplate.of(path));
        });
        // a literal segment wins over a variable one: /api/admin/rebuilds/current before /api/admin/rebuilds/{id}
        templates.sort(Comparator.comparingInt(PathTemplate::variables));
        this.paths = List.copyOf(templates);
    }

    /** @param fileName e.g. {@code command-side.openapi.yaml}, read once from the repository's docs/api/ */
    public static ApiContract committed(String fileName) {
        return LOADED.computeIfAbsent(fileName, name -> {
            Path file = CommittedApiDocument.repositoryRoot().resolve("docs/api").resolve(name);
            try {
                return new ApiContract(name, new YAMLMapper().readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        });
    }

    /** The command side's committed document. */
    public static ApiContract commandSide() {
        return committed("command-side.openapi.yaml");
    }

    /** The query side's committed document. */
    public static ApiContract querySide() {
        return committed("query-side.openapi.yaml");
    }

    /**
     * Fails with an {@link AssertionError} naming every way the answer departs from the document.
     *
     * @param path the request's path, with or without its query
     * @param contentType the answer's Content-Type, null when it has none
     * @param headers the answer's headers; names are compared ignoring case
     * @param body the answer's body as text, null or empty when it has none; not read for event streams
     */
    public void assertDocumented(String method, String path, int status, String contentType,
            Map<String, List<String>> headers, String body) {
        List<String> violations = violations(method, path, status, contentType, headers, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(method.toUpperCase(Locale.ROOT) + " " + path + " answered " + status + " "
                    + (contentType == null ? "without a body type" : contentType) + ", which docs/api/" + fileName
                    + " does not document:\n  - " + String.join("\n  - ", violations)
                    + (body == null || body.isEmpty() ? "" : "\n  body: " + abbreviated(body)));
        }
    }

    List<String> violations(String method, String path, int status, String contentType,
            Map<String, List<String>> headers, String body) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!rawPath.startsWith(API)) {
            return List.of();
        }
        Optional<PathTemplate> template = paths.stream().filter(candidate -> candidate.matches(rawPath)).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        if (template.isEmpty() || !document.path("paths").path(template.get().text()).has(verb)) {
            return noOperationAnswer(template.isEmpty() ? "no documented path matches" : "the path documents no "
                    + method.toUpperCase(Locale.ROOT), status, contentType, body);
        }
        String operationPointer = "/paths/" + escaped(template.get().text()) + "/" + verb;
        JsonNode responses = document.at(operationPointer + "/responses");
        String statusKey = String.valueOf(status);
        String range = statusKey.charAt(0) + "XX";
        String documented = responses.has(statusKey) ? statusKey : responses.has(range) ? range
                : responses.has("default") ? "default" : null;
        if (documented == null && HOW_ASKED_STATUSES.contains(status)) {
            return noOperationAnswer("the operation does not document " + status, status, contentType, body);
        }
        if (documented == null) {
            List<String> listed = new ArrayList<>();
            responses.fieldNames().forEachRemaining(listed::add);
            return List.of("status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT) + " "
                    + template.get().text() + " (documented: " + String.join(", ", listed) + ")");
        }
        String responsePointer = operationPointer + "/responses/" + escaped(documented);
        JsonNode response = resolved(document.at(responsePointer));
        List<String> violations = new ArrayList<>();
        violations.addAll(headerViolations(response, responsePointer, headers));
        violations.addAll(bodyViolations(response, responsePointer, contentType, body));
        return violations;
    }

    private List<String> noOperationAnswer(String why, int status, String contentType, String body) {
        if (!NO_OPERATION_STATUSES.contains(status)) {
            return List.of(why + ", and " + status + " is not one of the answers to a request that names no "
                    + "documented operation (" + NO_OPERATION_STATUSES + ")");
        }
        if (!"application/problem+json".equals(mediaType(contentType))) {
            return List.of(why + ": the answer must be application/problem+json, not " + contentType);
        }
        return schemaViolations("/$defs/" + CLOSED_PROBLEM, body);
    }

    private List<String> headerViolations(JsonNode response, String responsePointer, Map<String, List<String>> headers) {
        List<String> violations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> entry = declared.next();
            String name = entry.getKey();
            if (name.equalsIgnoreCase("Content-Type")) {
                continue; // OpenAPI: described by the media type, a header entry is ignored
            }
            JsonNode header = resolved(entry.getValue());
            Optional<String> value = headerValue(headers, name);
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    violations.add("required header " + name + " is missing");
                }
                continue;
            }
            if (header.has("schema")) {
                String schemaPointer = pointerOf(entry.getValue(), responsePointer + "/headers/" + escaped(name))
                        + "/schema";
                JsonNode typed = typedHeader(value.get(), resolved(header.path("schema")));
                for (Error error : schema(schemaPointer).validate(typed)) {
                    violations.add("header " + name + " '" + value.get() + "': " + error.getMessage());
                }
            }
        }
        return violations;
    }

    private List<String> bodyViolations(JsonNode response, String responsePointer, String contentType, String body) {
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            return hasBody ? List.of("the answer documents no body, but it has one") : List.of();
        }
        String mediaType = mediaType(contentType);
        if (mediaType == null) {
            return hasBody ? List.of("the body has no Content-Type") : List.of("the answer documents a body ("
                    + fieldNames(content) + "), but it has none");
        }
        Optional<String> documented = documentedMediaType(content, mediaType);
        if (documented.isEmpty()) {
            return List.of("media type " + mediaType + " is not documented (documented: " + fieldNames(content) + ")");
        }
        if (mediaType.equals("text/event-stream")) {
            return List.of(); // a stream never ends within a test; its status and media type are what is checked
        }
        if (!content.path(documented.get()).has("schema")) {
            return List.of();
        }
        if (!hasBody) {
            return List.of("the answer documents a " + mediaType + " body, but it has none");
        }
        String schemaPointer = responsePointer + "/content/" + escaped(documented.get()) + "/schema";
        if (!mediaType.endsWith("json")) {
            return schemaViolations(schemaPointer, JSON.valueToTree(body));
        }
        return schemaViolations(schemaPointer, body);
    }

    private List<String> schemaViolations(String schemaPointer, String body) {
        if (body == null || body.isEmpty()) {
            return List.of("the answer has no body, but the document requires one");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        return schemaViolations(schemaPointer, parsed);
    }

    private List<String> schemaViolations(String schemaPointer, JsonNode instance) {
        return schema(schemaPointer).validate(instance).stream()
                .map(error -> "body " + (error.getInstanceLocation().toString().isEmpty() ? "$"
                        : error.getInstanceLocation()) + ": " + error.getMessage()
                        + (error.getKeyword().equals("unevaluatedProperties") ? " (an undocumented field)" : ""))
                .toList();
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(iri + "#" + at)));
    }

    /** A {@code $ref} to a reusable response or header, followed. */
    private JsonNode resolved(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String pointerOf(JsonNode node, String pointer) {
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    private static Optional<String> documentedMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return Optional.of(mediaType);
        }
        String anySubtype = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        if (content.has(anySubtype)) {
            return Optional.of(anySubtype);
        }
        return content.has("*/*") ? Optional.of("*/*") : Optional.empty();
    }

    private static JsonNode typedHeader(String value, JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type")
                .asText();
        if (type.equals("integer") || type.equals("number")) {
            try {
                return JSON.readTree(value.trim());
            } catch (IOException e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    private static Optional<String> headerValue(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey() != null && header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String escaped(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviated(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "...";
    }

    /**
     * Every object schema that does not itself say which further properties it allows gets
     * {@code unevaluatedProperties: false}. A branch of an {@code allOf} stays open: the schema holding
     * the {@code allOf} is closed instead, so that properties declared by any branch count.
     */
    private static JsonNode closeObjects(JsonNode document) {
        List<String> bases = new ArrayList<>();
        collectAllOfBases(document, bases);
        document.path("components").path("schemas").fields().forEachRemaining(schema ->
                close(schema.getValue(), bases.contains(schema.getKey())));
        closeUsesOfBases(document, bases, false);
        ((ObjectNode) document).with("$defs").set(CLOSED_PROBLEM, closedUse("#/components/schemas/Problem"));
        document.path("components").path("headers").forEach(header -> close(header.path("schema"), false));
        document.path("components").path("responses").forEach(ApiContract::closeResponse);
        document.path("paths").forEach(pathItem -> METHODS.forEach(method ->
                pathItem.path(method).path("responses").forEach(ApiContract::closeResponse)));
        return document;
    }

    /** The components an {@code allOf} extends: they stay open, and each other use of them is closed. */
    private static void collectAllOfBases(JsonNode node, List<String> bases) {
        if (node.isObject() && node.path("allOf").isArray()) {
            node.path("allOf").forEach(branch -> {
                String ref = branch.path("$ref").asText("");
                if (ref.startsWith(COMPONENT_SCHEMAS)) {
                    bases.add(ref.substring(COMPONENT_SCHEMAS.length()));
                }
            });
        }
        node.forEach(child -> collectAllOfBases(child, bases));
    }

    private static void closeUsesOfBases(JsonNode node, List<String> bases, boolean branchOfAllOf) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                JsonNode child = field.getValue();
                String ref = child.path("$ref").asText("");
                if (child.isObject() && child.size() == 1 && ref.startsWith(COMPONENT_SCHEMAS)
                        && bases.contains(ref.substring(COMPONENT_SCHEMAS.length()))) {
                    field.setValue(closedUse(ref));
                } else {
                    closeUsesOfBases(child, bases, field.getKey().equals("allOf"));
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String ref = item.path("$ref").asText("");
                if (!branchOfAllOf && item.isObject() && item.size() == 1 && ref.startsWith(COMPONENT_SCHEMAS)
                        && bases.contains(ref.substring(COMPONENT_SCHEMAS.length()))) {
                    array.set(i, closedUse(ref));
                } else {
                    closeUsesOfBases(item, bases, false);
                }
            }
        }
    }

    private static ObjectNode closedUse(String ref) {
        ObjectNode closed = JSON.createObjectNode();
        closed.putArray("allOf").addObject().put("$ref", ref);
        closed.put("unevaluatedProperties", false);
        return closed;
    }

    private static void closeResponse(JsonNode response) {
        response.path("content").forEach(mediaType -> close(mediaType.path("schema"), false));
        response.path("headers").forEach(header -> close(header.path("schema"), false));
    }

    private static void close(JsonNode node, boolean branchOfAllOf) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        schema.path("properties").forEach(property -> close(property, false));
        close(schema.path("items"), false);
        schema.path("prefixItems").forEach(item -> close(item, false));
        if (schema.path("additionalProperties").isObject()) {
            close(schema.path("additionalProperties"), false);
        }
        schema.path("anyOf").forEach(branch -> close(branch, false));
        schema.path("oneOf").forEach(branch -> close(branch, false));
        schema.path("allOf").forEach(branch -> close(branch, true));
        boolean describesObject = schema.has("properties") || schema.has("allOf") || declaresType(schema, "object");
        boolean saysWhatElse = schema.has("additionalProperties") || schema.has("unevaluatedProperties");
        if (describesObject && !saysWhatElse && !branchOfAllOf) {
            schema.put("unevaluatedProperties", false);
        }
    }

    private static boolean declaresType(ObjectNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode each : (ArrayNode) declared) {
                if (each.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    /** A documented path such as {@code /api/accounts/{accountId}/close}, matched segment by segment. */
    private record PathTemplate(String text, Pattern pattern, int variables) {

        static PathTemplate of(String text) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (String part : text.split("((?<=\\})|(?=\\{))")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new PathTemplate(text, Pattern.compile(regex.toString()), variables);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
