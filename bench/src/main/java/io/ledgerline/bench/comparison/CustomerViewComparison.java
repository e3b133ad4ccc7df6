package io.ledgerline.bench.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.report.Ratios;

import java.util.List;

/**
 * One screen of a client app, a customer with their accounts and each account's last lines, read in one GraphQL
 * POST and through the REST calls it replaces, at the same clients in the same run.
 *
 * @param accounts        accounts of the customer the views read
 * @param linesPerAccount statement lines each view reads per account
 * @param graphql         the HTTP calls and response bytes of one GraphQL view
 * @param rest            the same for one REST view (customer, accounts, then each account's statement)
 */
public record CustomerViewComparison(int accounts, int linesPerAccount, ViewShape graphql, ViewShape rest,
                                     List<AtClients> steps) {

    /** The CPU parts the comparison reads (the names its CPU accounting gives the processes). */
    public static final String QUERY_SIDE = "query-side";
    public static final String POSTGRESQL = "PostgreSQL";

    public CustomerViewComparison {
        steps = List.copyOf(steps);
    }

    /** What one view costs on the wire: its HTTP calls and the bytes of their response bodies. */
    public record ViewShape(int httpCalls, long responseBytes) {
    }

    /** Both views at one number of clients, measured back to back. */
    public record AtClients(int clients, StepResult graphqlViews, StepResult restViews) {

        @JsonProperty
        public double rateRatio() {
            return Ratios.of(graphqlViews.perSecond(), restViews.perSecond());
        }

        @JsonProperty
        public double p50Ratio() {
            return Ratios.of(graphqlViews.latency().p50Ms(), restViews.latency().p50Ms());
        }

        @JsonProperty
        public double p99Ratio() {
            return Ratios.of(graphqlViews.latency().p99Ms(), restViews.latency().p99Ms());
        }

        public double graphqlCpuMillisPerView(String part) {
            return Ratios.cpuMillisPerOperation(List.of(graphqlViews), part);
        }

        public double restCpuMillisPerView(String part) {
            return Ratios.cpuMillisPerOperation(List.of(restViews), part);
        }

        public double cpuRatio(String part) {
            return Ratios.of(graphqlCpuMillisPerView(part), restCpuMillisPerView(part));
        }

        @JsonProperty
        public double querySideCpuRatio() {
            return cpuRatio(QUERY_SIDE);
        }
    }

    @JsonProperty
    public double callsRatio() {
        return Ratios.of(graphql.httpCalls(), rest.httpCalls());
    }

    @JsonProperty
    public double bytesRatio() {
        return Ratios.of(graphql.responseBytes(), rest.responseBytes());
    }
}
