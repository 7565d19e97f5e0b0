package org.portcullis.mail;

import org.portcullis.support.DatabaseExtension;

/** The single-use race on embedded H2. */
class H2ResetRaceTest extends ResetRaceContract {
    H2ResetRaceTest() {
        super(DatabaseExtension.h2());
    }
}
