package io.ledgerline.testsupport.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint of the API as the hostile suite attacks it: a valid request (path, query, body) and
 * which parts of it are free text, ids and amounts, so that each part can be replaced by hostile
 * values one at a time while the rest stays valid.
 *
 * @param validQuery a query that makes the request valid ("" when none is needed)
 * @param validBody  a valid JSON body, or null when the endpoint takes none
 * @param command    whether it runs a command: then Idempotency-Key (and with ifMatch, If-Match) apply
 * @param optional   present only in some configurations, so the suite does not demand it
 */
public record Endpoint(String method, String template, String validQuery, String validBody, Set<String> texts,
                Set<String> emails, Set<String> ids, Set<String> amounts, Set<String> limits,
                Map<String, List<String>> hostileQueries, boolean command, boolean ifMatch, boolean optional) {

    public static Endpoint of(String method, String template) {
        return new Endpoint(method, template, "", null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(),
                false, false, false);
    }

    public String key() {
        return method + " " + template;
    }

    public Endpoint body(String json) {
        return new Endpoint(method, template, validQuery, json, texts, emails, ids, amounts, limits, hostileQueries,
                command, ifMatch, optional);
    }

    public Endpoint query(String query) {
        return new Endpoint(method, template, query, validBody, texts, emails, ids, amounts, limits, hostileQueries,
                command, ifMatch, optional);
    }

    public Endpoint texts(String... fields) {
        return new Endpoint(method, template, validQuery, validBody, Set.of(fields), emails, ids, amounts, limits,
                hostileQueries, command, ifMatch, optional);
    }

    public Endpoint emails(String... fields) {
        return new Endpoint(method, template, validQuery, validBody, texts, Set.of(fields), ids, amounts, limits,
                hostileQueries, command, ifMatch, optional);
    }

    public Endpoint ids(String... fields) {
        return new Endpoint(method, template, validQuery, validBody, texts, emails, Set.of(fields), amounts, limits,
                hostileQueries, command, ifMatch, optional);
    }

    public Endpoint amounts(String... fields) {
        return new Endpoint(method, template, validQuery, validBody, texts, emails, ids, Set.of(fields), limits,
                hostileQueries, command, ifMatch, optional);
    }

    public Endpoint limits(String... fields) {
        return new Endpoint(method, template, validQuery, validBody, texts, emails, ids, amounts, Set.of(fields),
                hostileQueries, command, ifMatch, optional);
    }

    /** Each value is a whole query string that must be refused. */
    public Endpoint hostileQuery(String parameter, String... queries) {
        Map<String, List<String>> more = new LinkedHashMap<>(hostileQueries);
        more.put(parameter, List.of(queries));
        return new Endpoint(method, template, validQuery, validBody, texts, emails, ids, amounts, limits, more,
                command, ifMatch, optional);
    }

    public Endpoint runsCommand(boolean withIfMatch) {
        return new Endpoint(method, template, validQuery, validBody, texts, emails, ids, amounts, limits,
                hostileQueries, true, withIfMatch, optional);
    }

    public Endpoint onlyInSomeConfigurations() {
        return new Endpoint(method, template, validQuery, validBody, texts, emails, ids, amounts, limits,
                hostileQueries, command, ifMatch, true);
    }
}
