package lobby.backoffice;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS connector, when the back office is given a keystore; it is then the only connector. */
final class Https {
    private Https() {
    }

    static ServerConnector connector(Server server, HttpConfiguration base, ServerOptions options) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(options.tls().keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(options.tls().password());
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Kiosks reach the server by whatever name the dealership's network gives it; the
        // certificate is checked by the kiosk against its configured CA, not by Jetty against SNI.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(options.host());
        connector.setPort(options.port());
        return connector;
    }
}
