package io.ledgerline.query.graphql;

import java.util.List;
import java.util.function.Function;

/** A Relay cursor connection: one page of nodes, each with the cursor to continue behind it. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * The page of the first {@code first} of {@code found}, which holds one node more when there is a
     * next page: reading one beyond the page answers hasNextPage without counting.
     */
    public static <T> Connection<T> of(List<T> found, int first, boolean after, Function<T, String> cursorOf) {
        List<Edge<T>> edges = found.stream().limit(first).map(node -> new Edge<>(cursorOf.apply(node), node)).toList();
        return new Connection<>(edges, new PageInfo(found.size() > first, after,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
