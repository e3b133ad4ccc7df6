package io.ledgerline.query.graphql.limits;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures a parsed document against the limits before graphql-java validates it: validation itself
 * costs time in the number of fields (overlapping fields are compared pairwise), so a document that
 * is too big is refused before that. Works on documents that may not be valid yet: an unknown field
 * or fragment counts as one field and is left to validation.
 *
 * <p>Each operation is measured alone, since only one runs. Fragments are expanded where they are
 * spread, so a fragment spread many times costs each time; counting stops at the first limit
 * passed, so even a document of fragments spreading each other exponentially is measured in
 * bounded time. Introspection's fields ({@code __schema}, {@code __type}) are left to graphql-java's
 * own good-faith limits: the standard introspection query nests deeper than any query of the API.
 */
final class QueryShape {

    private static final String FIRST = "first";
    private static final String CONNECTION = "Connection";

    private final GraphQlLimits limits;
    private final GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Deque<String> spreading = new ArrayDeque<>();

    private QueryShape(GraphQlLimits limits, GraphQLSchema schema, Map<String, Object> variables) {
        this.limits = limits;
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
    }

    /** @throws QueryRefused with the code of the first limit the document passes */
    static void check(Document document, GraphQLSchema schema, Map<String, Object> variables, GraphQlLimits limits) {
        new QueryShape(limits, schema, variables).fields(document);
    }

    /**
     * @return the fields the costliest operation of the document can answer with
     * @throws QueryRefused with the code of the first limit the document passes
     */
    static long fields(Document document, GraphQLSchema schema, Map<String, Object> variables, GraphQlLimits limits) {
        return new QueryShape(limits, schema, variables).fields(document);
    }

    private long fields(Document document) {
        int aliases = countAliases(document);
        if (aliases > limits.maxAliases()) {
            throw new QueryRefused(GraphQlRefusals.TOO_MANY_ALIASES,
                    "The document has " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed");
        }
        document.getDefinitionsOfType(FragmentDefinition.class)
                .forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
        long most = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            most = Math.max(most, cost(operation.getSelectionSet(), rootType(operation), 0, 1));
        }
        return most;
    }

    private static int countAliases(Document document) {
        int[] aliases = {0};
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases[0]++;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return aliases[0];
    }

    private GraphQLType rootType(OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /** The fields the selection set can answer with; throws as soon as the running count passes the budget. */
    /** @param page the page of the connection {@code parent} is, for its {@code edges}; 1 elsewhere */
    private long cost(SelectionSet selections, GraphQLType parent, int depth, long page) {
        if (selections == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : selections.getSelections()) {
            total = within(total + costOf(selection, parent, depth, page));
        }
        return total;
    }

    private long costOf(Selection<?> selection, GraphQLType parent, int depth, long page) {
        if (selection instanceof Field field) {
            return costOf(field, parent, depth, page);
        }
        if (selection instanceof InlineFragment inline) {
            GraphQLType on = inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName());
            return cost(inline.getSelectionSet(), on, depth, page);
        }
        if (selection instanceof FragmentSpread spread) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            // an unknown or cyclic fragment is refused by validation; here it costs nothing more
            if (fragment == null || spreading.contains(spread.getName())) {
                return 0;
            }
            spreading.push(spread.getName());
            try {
                return cost(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), depth,
                        page);
            } finally {
                spreading.pop();
            }
        }
        return 0;
    }

    private long costOf(Field field, GraphQLType parent, int depth, long page) {
        if (field.getName().startsWith("__") && !field.getName().equals("__typename")) {
            return 0;
        }
        int level = depth + 1;
        if (level > limits.maxDepth()) {
            throw new QueryRefused(GraphQlRefusals.QUERY_TOO_DEEP,
                    "The query nests fields " + level + " deep or more; at most " + limits.maxDepth() + " are allowed");
        }
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        if (definition == null) {
            return within(1 + cost(field.getSelectionSet(), null, level, 1));
        }
        GraphQLType type = definition.getType();
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        if (isConnection(bare)) {
            // a connection's page is its edges: its pageInfo is answered once
            return within(1 + cost(field.getSelectionSet(), bare, level, pageOf(field)));
        }
        long times = !isList(type) ? 1 : isConnection(parent) ? page : pageOf(field);
        long children = cost(field.getSelectionSet(), bare, level, 1);
        return within(1 + BigInteger.valueOf(times).multiply(BigInteger.valueOf(children))
                .min(BigInteger.valueOf(Long.MAX_VALUE / 2)).longValue());
    }

    private static boolean isConnection(GraphQLType type) {
        return type instanceof GraphQLObjectType object && object.getName().endsWith(CONNECTION);
    }

    private static boolean isList(GraphQLType type) {
        return (type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type) instanceof GraphQLList;
    }

    /** A connection's or a list's {@code first}, else the assumed size of a page. */
    private long pageOf(Field field) {
        Long first = first(field);
        return first == null ? limits.assumedListSize() : Math.max(1, first);
    }

    private Long first(Field field) {
        for (Argument argument : field.getArguments()) {
            if (!FIRST.equals(argument.getName())) {
                continue;
            }
            if (argument.getValue() instanceof IntValue value) {
                return value.getValue().min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
            }
            if (argument.getValue() instanceof VariableReference reference
                    && variables.get(reference.getName()) instanceof Number number) {
                return Math.min(number.longValue(), Integer.MAX_VALUE);
            }
        }
        return null;
    }

    private long within(long total) {
        if (total > limits.maxFields()) {
            throw new QueryRefused(GraphQlRefusals.QUERY_TOO_COMPLEX, "The query can answer with more than "
                    + limits.maxFields() + " fields (lists counted at their 'first' or " + limits.assumedListSize()
                    + "); ask for fewer fields or smaller pages");
        }
        return total;
    }
}
