package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.OneOf;
import io.dropwizard.validation.ValidationMethod;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * Mail (config.yml {@code mail:}): how messages leave ({@code transport}: {@code file} writes .eml files,
 * {@code smtp} hands them to a relay), the links they carry, how the outbox sender polls and retries, and
 * how many mails a client address or an account may ask for.
 */
public class MailSettings {
    public static final String FILE = "file";
    public static final String SMTP = "smtp";

    @NotNull
    @OneOf({FILE, SMTP})
    @JsonProperty
    private String transport = FILE;

    /** The From of every mail, e.g. {@code Portcullis <no-reply@example.org>}. */
    @NotBlank
    @JsonProperty
    private String from = "Portcullis <no-reply@localhost>";

    /** Where the file transport writes. */
    @NotBlank
    @JsonProperty
    private String directory = "./data/mail";

    @Valid
    @NotNull
    @JsonProperty
    private Smtp smtp = new Smtp();

    @Valid
    @NotNull
    @JsonProperty
    private Links links = new Links();

    @Valid
    @NotNull
    @JsonProperty
    private Sender sender = new Sender();

    @Valid
    @NotNull
    @JsonProperty
    private Retry retry = new Retry();

    @Valid
    @NotNull
    @JsonProperty
    private Requests requests = new Requests();

    public String getTransport() {
        return transport;
    }

    public String getFrom() {
        return from;
    }

    public String getDirectory() {
        return directory;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public Links getLinks() {
        return links;
    }

    public Sender getSender() {
        return sender;
    }

    public Retry getRetry() {
        return retry;
    }

    public Requests getRequests() {
        return requests;
    }

    /** A relay: STARTTLS whenever it offers it ({@code requireStartTls} refuses one that does not); AUTH with a user. */
    public static class Smtp {
        @NotBlank
        @JsonProperty
        private String host = "localhost";

        @Min(1)
        @Max(65535)
        @JsonProperty
        private int port = 587;

        /** Empty or unset: no AUTH. */
        @JsonProperty
        private String user = "";

        @JsonProperty
        private String password = "";

        @JsonProperty
        private boolean requireStartTls = false;

        /** Connect, read and write timeout of one SMTP conversation. */
        @NotNull
        @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        private Duration timeout = Duration.seconds(10);

        public String getHost() {
            return host;
        }

        public int getPort() {
            return port;
        }

        /** "" when unset (an empty ${SMTP_USER:-} reads as null). */
        public String getUser() {
            return user == null ? "" : user;
        }

        public String getPassword() {
            return password == null ? "" : password;
        }

        public boolean isRequireStartTls() {
            return requireStartTls;
        }

        public Duration getTimeout() {
            return timeout;
        }
    }

    /** The links mailed to users; {@code {token}} is replaced by the single-use token. */
    public static class Links {
        @NotBlank
        @JsonProperty
        private String passwordReset = "http://localhost:8080/reset-password?token={token}";

        @NotBlank
        @JsonProperty
        private String verifyEmail = "http://localhost:8080/verify-email?token={token}";

        public String getPasswordReset() {
            return passwordReset;
        }

        public String getVerifyEmail() {
            return verifyEmail;
        }

        @JsonIgnore
        @ValidationMethod(message = "mail.links.passwordReset and mail.links.verifyEmail must each contain {token}")
        public boolean isEachLinkCarryingItsToken() {
            return passwordReset.contains("{token}") && verifyEmail.contains("{token}");
        }
    }

    /**
     * The outbox sender of each instance: every {@code pollInterval} it claims up to {@code batchSize} due
     * mails for {@code claimLease} (longer than a delivery can take: a lease that runs out while the mail is
     * still being sent lets another sender send it too).
     */
    public static class Sender {
        @NotNull
        @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        private Duration pollInterval = Duration.seconds(1);

        @Min(1)
        @Max(1000)
        @JsonProperty
        private int batchSize = 20;

        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        @JsonProperty
        private Duration claimLease = Duration.minutes(5);

        public Duration getPollInterval() {
            return pollInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public Duration getClaimLease() {
            return claimLease;
        }
    }

    /** A failed delivery is tried again after initialDelay, doubling up to maxDelay, maxAttempts in all. */
    public static class Retry {
        @Min(1)
        @JsonProperty
        private int maxAttempts = 10;

        @NotNull
        @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        private Duration initialDelay = Duration.seconds(10);

        @NotNull
        @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        private Duration maxDelay = Duration.minutes(30);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }
    }

    /**
     * Mail a client can cause: password resets per client address and, for resets and verification mails
     * together, per account, each per {@code window}; reset requests wait in a queue of {@code queueSize}
     * to be looked up after their answer.
     */
    public static class Requests {
        @Min(1)
        @JsonProperty
        private int perAddress = 20;

        @Min(1)
        @JsonProperty
        private int perAccount = 5;

        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        @JsonProperty
        private Duration window = Duration.hours(1);

        @Min(1)
        @JsonProperty
        private int queueSize = 1000;

        public int getPerAddress() {
            return perAddress;
        }

        public int getPerAccount() {
            return perAccount;
        }

        public Duration getWindow() {
            return window;
        }

        public int getQueueSize() {
            return queueSize;
        }
    }
}
