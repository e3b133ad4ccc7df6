package io.ledgerline.query.web;

import io.ledgerline.support.web.ErrorCodes;
import java.util.List;
import java.util.Map;

/**
 * Every coded error the query API answers by its own rules, with its status and what it means: the
 * one list the API document takes them from. A code of limits per caller and per node is answered
 * with two statuses: 429 when the caller holds its share, 503 when the node holds all it can.
 */
public final class QueryErrors {

    public static final String VERSION_NOT_YET_PROJECTED = "VERSION_NOT_YET_PROJECTED";
    public static final String TOO_MANY_WAITS = "TOO_MANY_WAITS";
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    public static final String SEARCH_UNAVAILABLE = "SEARCH_UNAVAILABLE";
    public static final String KAFKA_UNAVAILABLE = "KAFKA_UNAVAILABLE";
    public static final String ALREADY_RESOLVED = "ALREADY_RESOLVED";
    public static final String PROJECTION_NOT_FOUND = "PROJECTION_NOT_FOUND";
    public static final String REBUILD_NOT_FOUND = "REBUILD_NOT_FOUND";
    public static final String REBUILD_ALREADY_RUNNING = "REBUILD_ALREADY_RUNNING";
    public static final String REBUILD_NOT_CANCELLABLE = "REBUILD_NOT_CANCELLABLE";

    /** One status a code is answered with, and what it means there. */
    public record Answer(String status, String meaning) {
    }

    private static final Map<String, List<Answer>> ANSWERS = Map.ofEntries(
            Map.entry(ErrorCodes.INVALID_REQUEST, List.of(new Answer("400", "a parameter breaks a limit of its schema, "
                    + "cannot be read, or a range is reversed"))),
            Map.entry(ErrorCodes.NOT_FOUND, List.of(new Answer("404", "nothing of that id has been projected, or "
                    + "the caller may not read it"))),
            Map.entry(VERSION_NOT_YET_PROJECTED, List.of(new Answer("409", "minVersion (or the awaited outcome) was "
                    + "not projected within the wait (5 s by default); read again later"))),
            Map.entry(TOO_MANY_WAITS, List.of(
                    new Answer("429", "the caller holds as many read-your-writes waits as it may"),
                    new Answer("503", "this node holds as many read-your-writes waits as it may"))),
            Map.entry(TOO_MANY_STREAMS, List.of(
                    new Answer("429", "the caller holds as many live update streams as it may (5 by default)"),
                    new Answer("503", "this node holds as many live update streams as it may"))),
            Map.entry(SEARCH_UNAVAILABLE, List.of(new Answer("503", "Elasticsearch cannot be reached"))),
            Map.entry(KAFKA_UNAVAILABLE, List.of(new Answer("503", "Kafka did not report positions in time"))),
            Map.entry(ALREADY_RESOLVED, List.of(new Answer("409", "the parked event was applied already"))),
            Map.entry(PROJECTION_NOT_FOUND, List.of(new Answer("404", "no projection of that name"))),
            Map.entry(REBUILD_NOT_FOUND, List.of(new Answer("404", "no rebuild of that id"))),
            Map.entry(REBUILD_ALREADY_RUNNING, List.of(new Answer("409", "one rebuild of a read model at a time"))),
            Map.entry(REBUILD_NOT_CANCELLABLE, List.of(new Answer("409", "the rebuild ended, or is already taking "
                    + "over"))));

    private QueryErrors() {
    }

    /** The statuses the code is answered with; an unknown code is a mistake of the documentation. */
    public static List<Answer> of(String code) {
        List<Answer> answers = ANSWERS.get(code);
        if (answers == null) {
            throw new IllegalArgumentException("No query error is coded " + code);
        }
        return answers;
    }
}
