/**
 * The domain: records and value types (accounts, sessions, the caller, token claims and pairs, signing
 * keys) and the refusals services throw. Imports nothing of ours, only the JDK.
 */
package org.portcullis.domain;
