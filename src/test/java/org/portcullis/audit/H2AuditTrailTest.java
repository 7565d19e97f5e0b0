package org.portcullis.audit;

import org.portcullis.support.DatabaseExtension;

/** The audit trail on embedded H2. */
class H2AuditTrailTest extends AuditTrailContract {
    H2AuditTrailTest() {
        super(DatabaseExtension.h2());
    }
}
