package lobby.kiosk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The kiosk's HTTP clients. With a CA file (PEM) the back office's certificate must chain to
 * that CA and nothing else: a kiosk in a dealer's network trusts its own back office, not every
 * public CA. Without one, the JVM's default trust applies (and plain HTTP is only for loopback,
 * see the configuration's check).
 */
final class Http {
    private Http() {
    }

    static HttpClient client(Path caFile, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (caFile != null) {
            b.sslContext(trusting(caFile));
        }
        return b.build();
    }

    static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in the back office CA file " + caFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the back office CA file " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the back office CA file " + caFile + " is not usable: " + e.getMessage(), e);
        }
    }
}
