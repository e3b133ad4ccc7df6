package io.ledgerline.query.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one GraphQL request, checked before it runs.
 *
 * @param maxQuerySize    the document's size in UTF-8 bytes, refused before it is parsed
 * @param maxDepth        fields nested in fields; introspection's own fields are bounded by graphql-java instead
 * @param maxFields       the fields an answer may hold at most: each field counts once, times the {@code first} of
 *                        every list or connection it is in (or {@code assumedListSize} where a list names none)
 * @param maxAliases      aliased fields in one document: aliases are how one field is asked for many times
 * @param assumedListSize what a list without {@code first} is counted as: the schema's largest default page
 */
@ConfigurationProperties("ledgerline.graphql")
public record GraphQlLimits(@DefaultValue("8KB") DataSize maxQuerySize, @DefaultValue("10") int maxDepth,
        @DefaultValue("2000") int maxFields, @DefaultValue("30") int maxAliases,
        @DefaultValue("50") int assumedListSize) {

    public GraphQlLimits {
        if (maxQuerySize.toBytes() < 1 || maxDepth < 1 || maxFields < 1 || maxAliases < 0 || assumedListSize < 1) {
            throw new IllegalArgumentException("GraphQL limits must allow at least a one-field query: " + maxQuerySize
                    + ", depth " + maxDepth + ", fields " + maxFields + ", aliases " + maxAliases + ", list size "
                    + assumedListSize);
        }
    }

    public static GraphQlLimits defaults() {
        return new GraphQlLimits(DataSize.ofKilobytes(8), 10, 2000, 30, 50);
    }
}
