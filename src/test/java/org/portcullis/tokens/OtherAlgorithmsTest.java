package org.portcullis.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
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
 * The algorithms other than the default: ES256 publishes P-256 keys that a JOSE library verifies, and HS256
 * (JWT_SECRET, one service alone) publishes nothing, since its key is also the key that mints, and still
 * names its key in every token.
 */
class OtherAlgorithmsTest {
    @Test
    void es256TokensVerifyWithThePublishedEcKey() throws Exception {
        withApp("ES256", api -> {
            String token = api.login(api.newAccount()).get("access_token").asText();
            JWKSet keys = JWKSet.parse(api.get("/.well-known/jwks.json", null).expect(200).body());
            SignedJWT jwt = SignedJWT.parse(token);
            ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(key.getCurve()).isEqualTo(Curve.P_256);
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
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
