package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Dropwizard's pool settings, plus two conveniences: the JDBC driver follows from the URL, and an H2 URL
 * that names no mode runs in PostgreSQL mode.
 *
 * <p>Operators switch from the embedded H2 default to PostgreSQL by setting DATABASE_URL alone; asking
 * them to change a second, easily forgotten driver setting in step would turn a one-variable change
 * into a start-up failure. An explicit {@code driverClass} still wins.
 *
 * <p>Our SQL is PostgreSQL's (ON CONFLICT among others), which H2 parses only in its PostgreSQL mode: a bare
 * {@code jdbc:h2:/some/path} started and then answered 500 to every registration. Adding the mode is what
 * the operator meant (H2 has no other use here), so it is added rather than the start refused; an H2 URL that
 * asks for another mode, and any database but these two, refuse to start naming DATABASE_URL.
 */
public class DatabaseSettings extends DataSourceFactory {
    private static final String POSTGRES_DRIVER = "org.postgresql.Driver";
    private static final String H2_DRIVER = "org.h2.Driver";
    private static final String H2_POSTGRES_MODE = "PostgreSQL";
    static final String POSTGRES_ERROR_DETAIL = "logServerErrorDetail";

    private boolean driverExplicit;

    @Override
    @JsonProperty
    public void setUrl(String url) {
        if (H2_DRIVER.equals(driverFor(url)) && h2Setting(url, "MODE") == null) {
            url = url + ";MODE=" + H2_POSTGRES_MODE;
        }
        super.setUrl(url);
        hidePostgresRowDetail();
        if (!driverExplicit) {
            String inferred = driverFor(url);
            if (inferred != null) {
                super.setDriverClass(inferred);
            }
        }
    }

    @Override
    @JsonProperty
    public void setProperties(Map<String, String> properties) {
        super.setProperties(properties);
        hidePostgresRowDetail();
    }

    /**
     * PostgreSQL's errors carry a DETAIL that repeats the values of the failing row ("Failing row contains
     * (…, $2a$12$…, …)"), and the driver puts it into the exception's message, which the 500 mapper logs.
     * {@code logServerErrorDetail=false} keeps it out (SQLState and constraint name remain); an explicit
     * setting in {@code database.properties} wins. Run from both setters: Jackson may call them in any order.
     */
    private void hidePostgresRowDetail() {
        if (isPostgres() && getProperties() != null && !getProperties().containsKey(POSTGRES_ERROR_DETAIL)) {
            Map<String, String> properties = new LinkedHashMap<>(getProperties());
            properties.put(POSTGRES_ERROR_DETAIL, "false");
            super.setProperties(properties);
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
        return POSTGRES_DRIVER.equals(driverFor(getUrl()));
    }

    @JsonIgnore
    @ValidationMethod(message = "DATABASE_URL (database.url) must be a PostgreSQL URL (jdbc:postgresql://host/db)"
            + " or an H2 URL in PostgreSQL mode (jdbc:h2:path;MODE=PostgreSQL): the service's SQL runs on no other")
    public boolean isUrlOfASupportedDatabase() {
        String driver = driverFor(getUrl());
        return POSTGRES_DRIVER.equals(driver)
                || H2_DRIVER.equals(driver) && H2_POSTGRES_MODE.equalsIgnoreCase(h2Setting(getUrl(), "MODE"));
    }

    /** The value of an H2 URL setting ({@code ;NAME=value}, names in any case), else null. */
    private static String h2Setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase(name)) {
                return parts[i].substring(equals + 1).strip();
            }
        }
        return null;
    }

    /** The driver class for a JDBC URL of a database Portcullis supports, else null. */
    static String driverFor(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES_DRIVER;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2_DRIVER;
        }
        return null;
    }
}
