package org.portcullis.mail;

import org.portcullis.support.DatabaseExtension;

/** Account recovery by mail on embedded H2. */
class H2MailTest extends MailContract {
    H2MailTest() {
        super(DatabaseExtension.h2());
    }
}
