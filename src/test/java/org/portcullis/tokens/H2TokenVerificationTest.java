package org.portcullis.tokens;

import org.portcullis.support.DatabaseExtension;

/** Token verification by other services, on embedded H2. */
class H2TokenVerificationTest extends TokenVerificationContract {
    H2TokenVerificationTest() {
        super(DatabaseExtension.h2());
    }
}
