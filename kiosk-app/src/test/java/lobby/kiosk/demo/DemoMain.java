package lobby.kiosk.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lobby.backoffice.BackOfficeServer;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import lobby.kiosk.KioskMain;

/**
 * The demo behind {@code ./mvnw -Pdemo}: a back office on localhost with a seeded demo site
 * (its SQLite file and QR codes under the data folder), and a kiosk on simulated devices:
 * the window when a display is present, otherwise the console reading scans line by line.
 * It lives with the tests because it starts the back office in-process; nothing of it ships.
 */
public final class DemoMain {
    static final String TECHNICIAN_PIN = "2468";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/demo-data").toAbsolutePath();
        int port = Integer.getInteger("demo.port", 8080);
        BackOfficeServer server = BackOfficeServer.start(data.resolve("backoffice"), port, true);
        try {
            String url = "http://127.0.0.1:" + server.port();
            Path qr = data.resolve("backoffice").resolve("qr");
            System.out.println();
            System.out.println("== Back office: " + url + "   (queue: " + url + "/api/sites/demo/queue)");
            System.out.println("== Appointment QR codes: " + qr + " (PNG); their payloads and plates:");
            Path list = qr.resolve("appointments.txt");
            if (Files.exists(list)) {
                Files.readAllLines(list).forEach(l -> System.out.println("   " + l));
            }
            Path kioskData = data.resolve("kiosk");
            System.out.println("== Kiosk: simulated printer (pictures in " + kioskData.resolve("printed-tickets")
                    + "), lamps on Pi4J's mock platform, scanner: echo PAYLOAD > " + kioskData.resolve(Kiosk.SCANNER_FIFO));
            System.out.println("== Technician screen: tap the shop name 5 times, PIN " + TECHNICIAN_PIN);
            System.out.println();
            var demo = server.demo().orElseThrow();
            System.out.println("== Advisor console " + url + "/console, statistics " + url + "/stats, devices "
                    + url + "/devices; logins: " + String.join(", ", demo.logins()));
            System.out.println("== Lobby display board " + url + "/board?site=demo&key=" + demo.displayKey());
            System.out.println();
            KioskConfig config = KioskConfig.from(Map.of(
                    "site", "demo",
                    "kiosk", "demo-kiosk-1",
                    "data", kioskData.toString(),
                    "backoffice", url,
                    "backoffice.token", demo.kioskToken("demo-kiosk-1"),
                    "devices", "simulated",
                    "technician.pin", TECHNICIAN_PIN,
                    "ui", System.getProperty("demo.ui", "auto")));
            KioskMain.run(config);
        } finally {
            server.stop();
        }
    }
}
