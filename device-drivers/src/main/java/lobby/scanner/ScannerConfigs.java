package lobby.scanner;

import java.time.Duration;
import java.util.Objects;

/** Validation shared by the scanner configuration records, with messages that name the setting. */
final class ScannerConfigs {
    private ScannerConfigs() {
    }

    static Duration requirePositive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("scanner " + what + " must be positive, was " + value.toMillis() + " ms");
        }
        return value;
    }
}
