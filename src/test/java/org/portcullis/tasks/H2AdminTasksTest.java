package org.portcullis.tasks;

import org.portcullis.support.DatabaseExtension;

/** The account tasks on embedded H2, the default database. */
class H2AdminTasksTest extends AdminTasksContract {
    H2AdminTasksTest() {
        super(DatabaseExtension.h2());
    }
}
