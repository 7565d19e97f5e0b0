package org.portcullis.db;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies migrations.xml at server start, through the service's own pool. It is the same changelog that
 * {@code db migrate} applies, and Liquibase's lock table keeps two instances starting together from
 * applying it twice.
 */
public final class SchemaMigrator {
    public static final String CHANGELOG = "migrations.xml";

    static {
        // Liquibase 4.30+ would otherwise try to send usage analytics to its vendor on every run.
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
        // Its update summary goes to the log, not as a table onto stdout.
        if (System.getProperty("liquibase.showSummaryOutput") == null) {
            System.setProperty("liquibase.showSummaryOutput", "LOG");
        }
    }

    private SchemaMigrator() {
    }

    public static void migrate(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            try {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(handle.getConnection()));
                new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)
                        .update(new Contexts(), new LabelExpression());
                // Liquibase commits its work but leaves auto-commit off; the pool expects it back on.
                handle.getConnection().setAutoCommit(true);
            } catch (LiquibaseException | java.sql.SQLException e) {
                throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
            }
        });
    }
}
