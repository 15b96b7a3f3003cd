package lobby.scanner;

import java.util.Arrays;
import java.util.Optional;

/**
 * How long the camera scanner's decoder takes on a 640x480 frame, with and without a code:
 * median and p99 over {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. A command that
 * prints figures, not a timed test (timings on a shared build machine would make a flaky test).
 * The camera delivers 10 frames a second, so decoding must stay well under 100 ms on a Pi;
 * the target on a developer machine is a median under 5 ms. Run it like {@link TestImages}, with
 * {@code lobby.scanner.DecodeBenchmark [runs]} as the main class.
 */
public final class DecodeBenchmark {
    static final int WARM_UP = 300;
    static final int RUNS = 500;

    private DecodeBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        Frame withCode = Frames.of(Frames.scene(Frames.code(Frames.APPOINTMENT, 240), 7));
        Frame withoutCode = Frames.of(Frames.scene(null, 7));
        QrFrameDecoder decoder = new QrFrameDecoder();
        check(decoder.decode(withCode), Optional.of(Frames.APPOINTMENT), "the frame with a code");
        check(decoder.decode(withoutCode), Optional.empty(), "the frame without a code");

        System.out.printf("ZXing QR decode, %dx%d luminance frame, %d runs after %d warm-up, %s %s on %d cores%n",
                Frames.WIDTH, Frames.HEIGHT, runs, WARM_UP, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        report("with a code   ", decoder, withCode, runs);
        report("without a code", decoder, withoutCode, runs);
    }

    private static void report(String label, QrFrameDecoder decoder, Frame frame, int runs) {
        for (int i = 0; i < WARM_UP; i++) {
            decoder.decode(frame);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            decoder.decode(frame);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s  median %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", label, millis(nanos[runs / 2]),
                millis(nanos[(int) Math.ceil(runs * 0.99) - 1]), millis(nanos[runs - 1]));
    }

    private static void check(Optional<String> read, Optional<String> expected, String what) {
        if (!read.equals(expected)) {
            throw new IllegalStateException(what + " decoded as " + read + ", expected " + expected);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
