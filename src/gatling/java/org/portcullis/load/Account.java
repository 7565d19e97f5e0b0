package org.portcullis.load;

import java.util.Map;

/** A registered account and the token pair of one logged-in session, as a simulation's feeder record. */
record Account(String email, String password, String accessToken, String refreshToken) {

    /** The Gatling session attributes the requests of {@link PortcullisRequests} read. */
    Map<String, Object> asFeederRecord() {
        return Map.of("email", email, "password", password, "accessToken", accessToken, "refreshToken", refreshToken);
    }
}
