package io.egress.workspace.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections through the driver class itself: in OSGi, {@code DriverManager} does not
 * see drivers of other bundles.
 */
final class Sqlite {
    private Sqlite() {
    }

    /**
     * A read-only connection that cannot change the file in any way: {@code immutable=1} also skips
     * locking and never creates journal, WAL or shared-memory files. This is safe because a saved
     * workspace is never written in place, only replaced by renaming a new file over it.
     */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        String uri = "file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
        return connect(uri, config);
    }

    /** A read-write connection that creates the file; used on new temporary files only. */
    static Connection create(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(false);
        return connect(file.toAbsolutePath().toString(), config);
    }

    private static Connection connect(String target, SQLiteConfig config) throws SQLException {
        Properties properties = config.toProperties();
        Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + target, properties);
        if (c == null) {
            throw new SQLException("the SQLite driver refused " + target);
        }
        return c;
    }
}
