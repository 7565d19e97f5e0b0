/**
 * Data access: JDBI DAOs and row mappers returning domain records, the hand-written queries of the hot
 * paths, the transactions that span statements, and the schema migration. May use domain only.
 */
package org.portcullis.db;
