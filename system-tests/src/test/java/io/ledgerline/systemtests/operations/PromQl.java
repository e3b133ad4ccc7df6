package io.ledgerline.systemtests.operations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a PromQL expression the build can make without Prometheus (no PromQL parser is
 * published for Java): balanced brackets and quotes, only functions and aggregations PromQL knows,
 * and the metric names it reads. Grafana's variables are replaced by values of their kind first.
 */
final class PromQl {

    static final Set<String> FUNCTIONS = Set.of(
            // aggregations
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            // functions
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_avg",
            "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar",
            "histogram_sum", "double_exponential_smoothing", "holt_winters", "hour", "idelta", "increase", "irate",
            "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate", "resets",
            "round", "scalar", "sgn", "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "sqrt", "time",
            "timestamp", "vector", "year", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time",
            "count_over_time", "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time",
            "present_over_time", "mad_over_time");
    /** Keywords followed by a parenthesized list of label names, not of expressions. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "5m", "$__interval", "1m", "$__range", "1h");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern GROUPING = Pattern.compile("(by|without)\\s*\\(");
    private static final Map<Character, Character> CLOSING = Map.of('(', ')', '{', '}', '[', ']');

    private PromQl() {
    }

    /** What is wrong with the expression, empty when nothing the build can see is. */
    static List<String> problems(String expression) {
        List<String> problems = new ArrayList<>();
        String code;
        try {
            code = withoutStrings(grafanaFree(expression));
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        Deque<Character> open = new ArrayDeque<>();
        for (char c : code.toCharArray()) {
            if (CLOSING.containsKey(c)) {
                open.push(c);
            } else if (CLOSING.containsValue(c)) {
                if (open.isEmpty() || CLOSING.get(open.pop()) != c) {
                    problems.add("unbalanced '" + c + "'");
                    return problems;
                }
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed '" + open.peek() + "'");
            return problems;
        }
        if (code.isBlank()) {
            problems.add("empty expression");
        }
        scan(withoutLabelMatchers(code), problems, new TreeSet<>());
        return problems;
    }

    /** The metric names the expression reads. */
    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        scan(withoutLabelMatchers(withoutStrings(grafanaFree(expression))), new ArrayList<>(), names);
        return names;
    }

    private static void scan(String code, List<String> problems, Set<String> names) {
        String withoutRanges = code.replaceAll("\\[[^\\]]*]", " ");
        Matcher identifier = IDENTIFIER.matcher(withoutRanges);
        int skipUntil = -1;
        while (identifier.find()) {
            if (identifier.start() < skipUntil) {
                continue;
            }
            String name = identifier.group();
            int next = nextNonBlank(withoutRanges, identifier.end());
            boolean called = next < withoutRanges.length() && withoutRanges.charAt(next) == '('
                    // an aggregation with its grouping first: sum by (job) (...)
                    || GROUPING.matcher(withoutRanges).region(next, withoutRanges.length()).lookingAt();
            if (LABEL_LISTS.contains(name)) {
                if (called) {
                    skipUntil = withoutRanges.indexOf(')', next);
                }
            } else if (called) {
                if (!FUNCTIONS.contains(name)) {
                    problems.add("unknown function " + name);
                }
            } else if (!KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
    }

    private static int nextNonBlank(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String grafanaFree(String expression) {
        String result = expression;
        for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
            result = result.replace(variable.getKey(), variable.getValue());
        }
        // a dashboard's own variables stand inside label matchers' strings: any value of the right shape
        return result.replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*}?", "x");
    }

    /** The expression with each string literal's content removed, keeping its quotes. */
    private static String withoutStrings(String code) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote == 0) {
                out.append(c);
                if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                }
            } else if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                out.append(c);
                quote = 0;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated string starting with " + quote);
        }
        return out.toString();
    }

    private static String withoutLabelMatchers(String code) {
        return code.replaceAll("\\{[^}]*}", " ");
    }
}
