import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, as a child process of the Threadline server.
 * Usage: java -cp lib/*:classes Neo4jLauncher DATA_DIR HOST PORT PAGE_CACHE_MB
 * The password for the user "neo4j" comes from the THREADLINE_NEO4J_PASSWORD environment variable.
 * It prints "READY <host>:<port>" once Bolt accepts connections, and shuts down cleanly on SIGTERM,
 * Ctrl-C, or when its standard input closes (the parent process is gone).
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Neo4jLauncher DATA_DIR HOST PORT PAGE_CACHE_MB");
            System.exit(2);
        }
        String password = System.getenv("THREADLINE_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("THREADLINE_NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long pageCacheBytes = Long.parseLong(args[3]) * 1024 * 1024;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                // Query timeouts are checked on this tick; the default (2 s) makes a 1 s limit fire late.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.println("READY " + host + ":" + port);
        System.out.flush();

        waitForStdinToClose();
        System.exit(0);
    }

    /** The local database belongs to Threadline, so the configured password always wins. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the value it already has; anything else is fatal.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void waitForStdinToClose() throws IOException {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
            // The parent never writes; reading only detects when it goes away.
        }
    }
}
