package io.ledgerline.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The routes, read from the API documents committed under docs/api (packaged into the gateway). The
 * documents are what each service serves, checked by the services' contract tests, so an endpoint a
 * service gains is routed once its document names it, and nothing the documents do not name is
 * forwarded. Several paths exist on both sides ({@code /api/accounts}: POST opens, GET lists), so a
 * route is a method and a path.
 */
public final class DocumentedRoutes {

    public static final String DEV_TOKENS_PATH = "/api/dev/tokens";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<ApiOperation> operations;
    private final List<Matcher> matchers;

    private DocumentedRoutes(List<ApiOperation> operations) {
        this.operations = List.copyOf(operations);
        this.matchers = operations.stream().map(operation -> new Matcher(operation, PARSER.parse(operation.path()))).toList();
    }

    /**
     * @param devTokens whether the development token issuer's endpoint is routed: only in the local
     *                  profile, where the command side serves it
     */
    public static DocumentedRoutes fromPackagedDocuments(boolean devTokens) {
        List<ApiOperation> operations = new ArrayList<>();
        operations.addAll(read(Side.COMMAND, "api/command-side.openapi.yaml"));
        operations.addAll(read(Side.QUERY, "api/query-side.openapi.yaml"));
        if (!devTokens) {
            operations.removeIf(operation -> operation.path().equals(DEV_TOKENS_PATH));
        }
        return new DocumentedRoutes(operations);
    }

    public static List<ApiOperation> read(Side side, String classpathLocation) {
        try (InputStream document = new ClassPathResource(classpathLocation).getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
            Map<String, Map<String, Object>> paths = cast(root.get("paths"));
            List<ApiOperation> operations = new ArrayList<>();
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(method -> operations.add(
                            new ApiOperation(side, HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path))));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException("The API document " + classpathLocation + " is not packaged", e);
        }
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** The side that serves this request, or empty when no documented operation matches it. */
    public Optional<Side> sideOf(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return matchers.stream()
                .filter(matcher -> matcher.operation.method().matches(method) && matcher.pattern.matches(container))
                .map(matcher -> matcher.operation.side())
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private record Matcher(ApiOperation operation, PathPattern pattern) {
    }
}
