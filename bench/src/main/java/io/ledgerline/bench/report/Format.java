package io.ledgerline.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures read in the report: NaN becomes "n/a" rather than a number nobody measured. */
final class Format {

    private Format() {
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        return ms < 10 ? String.format("%.2f ms", ms) : String.format("%.0f ms", ms);
    }

    static String rate(double perSecond, String unit) {
        return Double.isNaN(perSecond) ? "n/a" : String.format("%,.0f %s", perSecond, unit);
    }

    static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%,.0f", value);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format("%.0f%%", ratio * 100);
    }

    /** Whole seconds as such, a shorter warm-up to the tenth: "6", "0.5". */
    static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format("%.2f", ratio);
    }
}
