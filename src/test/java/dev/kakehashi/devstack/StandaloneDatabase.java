package dev.kakehashi.devstack;

import ch.vorburger.exec.ManagedProcessException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An embedded MariaDB of a test's own (not the test run's), which the test may stall and restart: the
 * fault tests pause its process (SIGSTOP, as a database that hangs looks from outside) and resume it
 * (SIGCONT), and stop and start it again, as an operator's restart does.
 */
public final class StandaloneDatabase implements AutoCloseable {

    private final Database database;
    private final int port;
    private final Path dataDir;

    private StandaloneDatabase(Database database, int port, Path dataDir) {
        this.database = database;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts an empty database {@code kakehashi} on {@code port}, its files in {@code dataDir}. */
    public static StandaloneDatabase start(int port, Path dataDir) throws IOException, ManagedProcessException {
        return new StandaloneDatabase(Database.embedded(port, dataDir, true), port, dataDir);
    }

    public String url() {
        return database.url();
    }

    /** The server process (mariadbd), found by the port it listens on. */
    public ProcessHandle process() {
        Optional<ProcessHandle> server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> (c.contains("mariadbd") || c.contains("mysqld")) && c.contains("--port=" + port))
                        .orElse(false))
                .findFirst();
        return server.orElseThrow(() -> new IllegalStateException("No MariaDB process listens on port " + port));
    }

    /** Freezes the server: connections stay open and nothing answers. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process().pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** Stops the server cleanly; its data stays. */
    public void stop() {
        database.close();
    }

    /** Starts the server again on its data, as after a restart. */
    public void startAgain() throws IOException, ManagedProcessException {
        database.startAgain();
    }

    @Override
    public void close() {
        database.close();
    }
}
