package lobby.backoffice.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test PostgreSQL starts, serves separate databases in UTF-8, and goes away. */
class PostgresServerIT {
    @Test
    void aThrowawayServerServesUtf8Databases() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String url = pg.createDatabase("site_a");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (name TEXT)");
                s.execute("INSERT INTO t VALUES ('星辰汽车')");
                try (ResultSet rs = s.executeQuery("SELECT name, current_setting('server_version_num') FROM t")) {
                    assertTrue(rs.next());
                    assertEquals("星辰汽车", rs.getString(1));
                    assertTrue(Integer.parseInt(rs.getString(2)) >= 150000, rs.getString(2));
                }
            }
        }
    }
}
