import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, as a child process of the Threadline server.
 * Usage: java -cp lib/*:classes Neo4jLauncher DATA_DIR HOST PORT PAGE_CACHE_MB [LOGIN_DATA_DIR LOGIN_PORT]
 * With the last two arguments it also runs the login database (users, sessions, API tokens): a second DBMS in
 * this JVM, with its own files and Bolt port, so that no query on the content database can reach it.
 * Passwords for the user "neo4j" come from THREADLINE_NEO4J_PASSWORD and THREADLINE_AUTH_NEO4J_PASSWORD.
 * It prints "READY <host>:<port>" once every DBMS accepts connections, and shuts down cleanly on SIGTERM,
 * Ctrl-C, or when its standard input closes (the parent process is gone).
 */
public final class Neo4jLauncher {
    /** The login database holds a few thousand small nodes at most. */
    private static final long LOGIN_PAGE_CACHE_BYTES = 16L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 6) {
            System.err.println("usage: Neo4jLauncher DATA_DIR HOST PORT PAGE_CACHE_MB [LOGIN_DATA_DIR LOGIN_PORT]");
            System.exit(2);
        }
        String host = args[1];
        List<CompletableFuture<DatabaseManagementService>> starting = new ArrayList<>();
        starting.add(startAsync(Path.of(args[0]), host, Integer.parseInt(args[2]), Long.parseLong(args[3]) * 1024 * 1024,
                password("THREADLINE_NEO4J_PASSWORD")));
        if (args.length == 6) {
            starting.add(startAsync(Path.of(args[4]), host, Integer.parseInt(args[5]), LOGIN_PAGE_CACHE_BYTES,
                    password("THREADLINE_AUTH_NEO4J_PASSWORD")));
        }
        List<DatabaseManagementService> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            synchronized (running) {
                running.forEach(DatabaseManagementService::shutdown);
            }
            System.out.println("STOPPED");
        }, "neo4j-shutdown"));
        Throwable failure = null;
        for (CompletableFuture<DatabaseManagementService> future : starting) {
            try {
                DatabaseManagementService dbms = future.join();
                synchronized (running) {
                    running.add(dbms);
                }
            } catch (CompletionException e) {
                failure = e.getCause();
            }
        }
        if (failure != null) {
            // The DBMS that did start is stopped cleanly by the shutdown hook.
            failure.printStackTrace();
            System.exit(1);
        }
        System.out.println("READY " + host + ":" + args[2]);
        System.out.flush();

        waitForStdinToClose();
        System.exit(0);
    }

    private static String password(String variable) {
        String password = System.getenv(variable);
        if (password == null || password.length() < 8) {
            System.err.println(variable + " must be set to at least 8 characters");
            System.exit(2);
        }
        return password;
    }

    /** Each DBMS starts on its own thread: together they take about as long as one. */
    private static CompletableFuture<DatabaseManagementService> startAsync(Path home, String host, int port, long pageCacheBytes, String password) {
        return CompletableFuture.supplyAsync(() -> {
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    // Query timeouts are checked on this tick; the default (2 s) makes a 1 s limit fire late.
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200))
                    // Bolt waits 5 s for its threads and 5 s for its connections on shutdown even when none is left;
                    // transactions are already closed by then, so a stop (as the offline importer needs) takes 1 s, not 11.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                    .build();
            setPasswordOnce(dbms, home.toAbsolutePath(), password);
            return dbms;
        });
    }

    /**
     * Setting the password is the first Cypher a fresh JVM compiles, which took 6-10 s of each start on a busy
     * machine; a restart with the same password (after the offline importer, say) skips it. The system database's
     * folder holds the fingerprint, so a new system database sets the password again.
     */
    private static void setPasswordOnce(DatabaseManagementService dbms, Path home, String password) {
        Path fingerprint = home.resolve("data/databases/system/threadline-password.sha256");
        String expected = sha256(password);
        try {
            if (Files.exists(fingerprint) && Files.readString(fingerprint).equals(expected)) {
                return;
            }
            setPassword(dbms, password);
            Files.writeString(fingerprint, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
