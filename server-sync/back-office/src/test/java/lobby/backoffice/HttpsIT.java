package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate the test makes (JDK keytool); plain HTTP only on loopback. */
class HttpsIT {
    static final String PASSWORD = "test-keystore-pass";

    @TempDir
    Path dir;

    /** A self-signed certificate for localhost, as a dealership's own CA would issue one. */
    static Path keystore(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "backoffice", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool still running");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("keytool.txt")));
        return ks;
    }

    /** A client that trusts exactly that certificate, as a kiosk trusts its configured CA. */
    static HttpClient trusting(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void withAKeystoreItSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        Path ks = keystore(dir);
        ServerOptions options = TestServer.options(dir.resolve("data"))
                .withTls(new ServerOptions.Tls(ks, PASSWORD), ServerOptions.LOOPBACK);
        try (BackOfficeServer server = BackOfficeServer.start(options)) {
            assertTrue(server.baseUrl().startsWith("https://localhost:"), server.baseUrl());
            HttpClient client = trusting(ks);
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"manager\", \"password\": \""
                            + DemoSite.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(login.headers().firstValue("Set-Cookie").orElse("").contains("Secure"), login.headers().map()
                    .toString());
            assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()),
                    "a client that does not trust the certificate is refused");
        }
    }

    @Test
    void plainHttpIsRefusedOnAnyAddressButLoopback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.defaults(dir).withTls(null, ServerOptions.EVERY_ADDRESS));
        assertTrue(e.getMessage().contains("loopback only"), e.getMessage());
        assertEquals(ServerOptions.LOOPBACK, ServerOptions.defaults(dir).host());
        for (String loopback : List.of("127.0.0.1", "localhost", "::1")) {
            assertEquals(loopback, ServerOptions.defaults(dir).withTls(null, loopback).host());
        }
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults(dir)
                .withTls(new ServerOptions.Tls(dir.resolve("missing.p12"), "x"), null));
    }
}
