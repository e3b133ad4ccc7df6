package io.ledgerline.bench.load;

/** Hears when a step's measured window opens and closes (after the warm-up, before the last answers). */
public interface MeasurementWindow {

    MeasurementWindow NONE = new MeasurementWindow() {
        @Override
        public void opened() {
        }

        @Override
        public void closed() {
        }
    };

    void opened();

    void closed();
}
