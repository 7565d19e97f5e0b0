package org.portcullis.scale;

import org.portcullis.support.DatabaseExtension;

/** Parallel guesses on two instances sharing one embedded H2 database. */
class H2ParallelGuessTest extends ParallelGuessContract {
    H2ParallelGuessTest() {
        super(DatabaseExtension.h2());
    }
}
