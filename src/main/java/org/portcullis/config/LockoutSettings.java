package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * Brute-force limits. Per account (as Keycloak's detector does): after {@code maxFailures} consecutive
 * failed logins the account is locked for {@code firstLock}, doubling with each renewed lock up to
 * {@code maxLock}; the defaults stay well inside OWASP ASVS V2.2.1 (at most 100 failures an hour per
 * account). Per client address: {@code addressMaxFailures} failures across all accounts per
 * {@code addressWindow}, and {@code registrationsPerAddress} registrations per {@code registrationWindow}.
 * Known devices: a login presenting its account's device token is exempt from both, and locks that token
 * alone after {@code deviceMaxFailures} failures; a token lives {@code deviceTokenLifetime} from its login
 * and an account keeps its {@code deviceTokensPerUser} newest.
 */
public class LockoutSettings {
    @Min(1)
    private int maxFailures = 10;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration firstLock = Duration.seconds(60);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maxLock = Duration.minutes(15);

    @Min(1)
    private int addressMaxFailures = 100;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration addressWindow = Duration.minutes(15);

    @Min(1)
    private int deviceMaxFailures = 5;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration deviceTokenLifetime = Duration.days(90);

    @Min(1)
    private int deviceTokensPerUser = 50;

    /** Registrations per client address (IPv6 by prefix) per {@code registrationWindow}: each costs a hash. */
    @Min(1)
    private int registrationsPerAddress = 30;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration registrationWindow = Duration.hours(1);

    @JsonProperty
    public int getRegistrationsPerAddress() {
        return registrationsPerAddress;
    }

    @JsonProperty
    public void setRegistrationsPerAddress(int registrationsPerAddress) {
        this.registrationsPerAddress = registrationsPerAddress;
    }

    @JsonProperty
    public Duration getRegistrationWindow() {
        return registrationWindow;
    }

    @JsonProperty
    public void setRegistrationWindow(Duration registrationWindow) {
        this.registrationWindow = registrationWindow;
    }

    @JsonProperty
    public int getMaxFailures() {
        return maxFailures;
    }

    @JsonProperty
    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    @JsonProperty
    public Duration getFirstLock() {
        return firstLock;
    }

    @JsonProperty
    public void setFirstLock(Duration firstLock) {
        this.firstLock = firstLock;
    }

    @JsonProperty
    public Duration getMaxLock() {
        return maxLock;
    }

    @JsonProperty
    public void setMaxLock(Duration maxLock) {
        this.maxLock = maxLock;
    }

    @JsonProperty
    public int getAddressMaxFailures() {
        return addressMaxFailures;
    }

    @JsonProperty
    public void setAddressMaxFailures(int addressMaxFailures) {
        this.addressMaxFailures = addressMaxFailures;
    }

    @JsonProperty
    public Duration getAddressWindow() {
        return addressWindow;
    }

    @JsonProperty
    public void setAddressWindow(Duration addressWindow) {
        this.addressWindow = addressWindow;
    }

    @JsonProperty
    public int getDeviceMaxFailures() {
        return deviceMaxFailures;
    }

    @JsonProperty
    public void setDeviceMaxFailures(int deviceMaxFailures) {
        this.deviceMaxFailures = deviceMaxFailures;
    }

    @JsonProperty
    public Duration getDeviceTokenLifetime() {
        return deviceTokenLifetime;
    }

    @JsonProperty
    public void setDeviceTokenLifetime(Duration deviceTokenLifetime) {
        this.deviceTokenLifetime = deviceTokenLifetime;
    }

    @JsonProperty
    public int getDeviceTokensPerUser() {
        return deviceTokensPerUser;
    }

    @JsonProperty
    public void setDeviceTokensPerUser(int deviceTokensPerUser) {
        this.deviceTokensPerUser = deviceTokensPerUser;
    }
}
