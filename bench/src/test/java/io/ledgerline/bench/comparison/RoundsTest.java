package io.ledgerline.bench.comparison;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundsTest {

    @Test
    void swapsAPairEveryRoundSoThatNeitherAlwaysRunsFirst() {
        assertThat(Rounds.order(2, 0)).containsExactly(0, 1);
        assertThat(Rounds.order(2, 1)).containsExactly(1, 0);
        assertThat(Rounds.order(2, 2)).containsExactly(0, 1);
    }

    @Test
    void rotatesThreeVariantsSoThatEachTakesEveryPositionOnceInThreeRounds() {
        List<List<Integer>> orders = List.of(Rounds.order(3, 0), Rounds.order(3, 1), Rounds.order(3, 2));

        assertThat(orders).containsExactly(List.of(0, 1, 2), List.of(1, 2, 0), List.of(2, 0, 1));
    }

    @Test
    void refusesNoVariants() {
        assertThatThrownBy(() -> Rounds.order(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
