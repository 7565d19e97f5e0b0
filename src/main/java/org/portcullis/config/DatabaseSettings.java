package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;

import java.util.Properties;

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

    /**
     * A pool of one connection to the same database, for the health check: asking over the request pool made
     * a busy node (every connection in use) read as "database down" to its load balancer. The connection is
     * validated on every borrow, so one broken by a database restart is replaced on the next check.
     *
     * @param timeout how long the check may wait for its connection and for each query
     */
    public DataSourceFactory probePool(Duration timeout) {
        DataSourceFactory probe = new DataSourceFactory();
        probe.setDriverClass(getDriverClass());
        probe.setUrl(getUrl());
        probe.setUser(getUser());
        probe.setPassword(getPassword());
        probe.setProperties(getProperties());
        probe.setInitialSize(0);
        probe.setMinSize(0);
        probe.setMaxSize(1);
        probe.setMaxWaitForConnection(timeout);
        getValidationQuery().ifPresent(probe::setValidationQuery);
        probe.setValidationQueryTimeout(timeout);
        probe.setCheckConnectionOnBorrow(true);
        probe.setValidationInterval(Duration.milliseconds(50));
        return probe;
    }

    /**
     * The JDBC properties of a connection opened outside the pool (the change feed's): the pool's
     * properties with its user and password, when set.
     */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.putAll(getProperties());
        if (getUser() != null && !getUser().isEmpty()) {
            properties.setProperty("user", getUser());
        }
        if (getPassword() != null && !getPassword().isEmpty()) {
            properties.setProperty("password", getPassword());
        }
        return properties;
    }

    /** Whether the URL is PostgreSQL's (the caller cache needs its LISTEN/NOTIFY). */
    public boolean isPostgres() {
        return "org.postgresql.Driver".equals(driverFor(getUrl()));
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
