package lobby.bench;

/** {@code ./mvnw -q -Pbench -pl device-drivers -am}: every device-driver benchmark, figures on stdout. */
public final class DeviceBenchmarks {
    private DeviceBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        PrinterWireBenchmark.run(System.out);
        System.out.println();
        lobby.scanner.DecodeBenchmark.main(args);
    }
}
