package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;

/**
 * Dropwizard's pool settings, plus one convenience: the JDBC driver follows from the URL.
 *
 * <p>Operators switch from the embedded H2 default to PostgreSQL by setting DATABASE_URL alone; asking
 * them to change a second, easily forgotten driver setting in step would turn a one-variable change
 * into a start-up failure. An explicit {@code driverClass} still wins.
 */
public class DatabaseSettings extends DataSourceFactory {
    private boolean driverExplicit;

    @Override
    @JsonProperty
    public void setUrl(String url) {
        super.setUrl(url);
        if (!driverExplicit) {
            String inferred = driverFor(url);
            if (inferred != null) {
                super.setDriverClass(inferred);
            }
        }
    }

    @Override
    @JsonProperty
    public void setDriverClass(String driverClass) {
        driverExplicit = true;
        super.setDriverClass(driverClass);
    }

    /** The driver class for a JDBC URL of a database Portcullis supports, else null. */
    static String driverFor(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        return null;
    }
}
