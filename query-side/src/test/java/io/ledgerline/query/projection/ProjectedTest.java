package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectedTest {

    @Test
    void travelsWithTheTraceOfItsProjectionWhateverTheAggregateIdHolds() {
        Projected projected = new Projected("acc|1|odd", 7, "MoneyDeposited",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(Projected.parse(projected.format())).isEqualTo(projected);
    }

    @Test
    void travelsWithoutATraceWhenTheEventWasUntraced() {
        Projected projected = new Projected("acc-1", 0, "AccountOpened");

        assertThat(Projected.parse(projected.format())).isEqualTo(projected);
        assertThat(Projected.parse(projected.format()).traceparent()).isNull();
    }
}
