/**
 * The services: accounts, login, token issue and verification, refresh rotation, sessions, brute-force
 * throttles, the bcrypt bulkhead, the purge. They know no HTTP (no JAX-RS or servlet type) and no settings
 * class: their limits arrive as constructor arguments, their data access as db objects from the
 * application. May use db and domain.
 */
package org.portcullis.service;
