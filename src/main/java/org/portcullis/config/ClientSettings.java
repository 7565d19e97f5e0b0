package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What Portcullis believes about the client of a request. X-Forwarded-For is honoured only when the
 * socket peer is one of {@code trustedProxies} (addresses or CIDR blocks); otherwise anyone could write
 * any address into a session record.
 */
public class ClientSettings {
    @NotNull
    private List<String> trustedProxies = new ArrayList<>();

    /** Longer User-Agent headers are cut to this many characters before they are stored. */
    @Min(1)
    @Max(500)
    private int maxUserAgentLength = 500;

    /** Larger request bodies are refused with 413 before they are read. */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 16, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxBodySize = DataSize.kibibytes(64);

    /** Browser origins allowed to call the API (CORS), e.g. https://app.example.org. Default: none. */
    @NotNull
    private List<String> corsAllowedOrigins = new ArrayList<>();

    /**
     * IPv6 clients are throttled per network of this many leading bits: a host is routinely given a whole
     * /64 and can pick any address in it, so single IPv6 addresses are no limit at all.
     */
    @Min(1)
    @Max(128)
    private int ipv6Prefix = 64;

    @JsonProperty
    public int getIpv6Prefix() {
        return ipv6Prefix;
    }

    @JsonProperty
    public void setIpv6Prefix(int ipv6Prefix) {
        this.ipv6Prefix = ipv6Prefix;
    }

    @JsonProperty
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @JsonProperty
    public List<String> getCorsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    @JsonProperty
    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
        this.corsAllowedOrigins = corsAllowedOrigins == null ? new ArrayList<>() : corsAllowedOrigins;
    }

    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? new ArrayList<>() : trustedProxies;
    }

    @JsonProperty
    public int getMaxUserAgentLength() {
        return maxUserAgentLength;
    }

    @JsonProperty
    public void setMaxUserAgentLength(int maxUserAgentLength) {
        this.maxUserAgentLength = maxUserAgentLength;
    }
}
