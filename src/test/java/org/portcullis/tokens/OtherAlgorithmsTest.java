package org.portcullis.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.Test;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The algorithms other than the default: RS256 publishes RSA keys that a JOSE library verifies, and HS256
 * (JWT_SECRET, one service alone) publishes nothing, since its key is also the key that mints, and still
 * names its key in every token.
 */
class OtherAlgorithmsTest {
    @Test
    void rs256TokensVerifyWithThePublishedRsaKey() throws Exception {
        withApp("RS256", api -> {
            String token = api.login(api.newAccount()).get("access_token").asText();
            JWKSet keys = JWKSet.parse(api.get("/.well-known/jwks.json", null).expect(200).body());
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(key.getModulus().decode().length * 8).isEqualTo(2048);
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            api.get("/api/v1/users/me", token).expect(200);
        });
    }

    @Test
    void hs256PublishesNoKeyAndStillNamesItsKey() throws Exception {
        withApp("HS256", api -> {
            JsonNode login = api.login(api.newAccount());
            String token = login.get("access_token").asText();
            assertThat(api.get("/.well-known/jwks.json", null).expect(200).json().get("keys")).isEmpty();
            assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
            assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
            api.get("/api/v1/users/me", token).expect(200);
            api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", login.get("refresh_token").asText()))
                    .expect(200);
        });
    }

    private interface Check {
        void run(Api api) throws Exception;
    }

    private static void withApp(String algorithm, Check check) throws Exception {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("tokens.algorithm", algorithm));
        try {
            app.before();
            check.run(new Api(app.getLocalPort()));
        } finally {
            app.after();
            db.close();
        }
    }
}
