/**
 * Bean Validation constraints of the request records (email, password, no control characters). Part of
 * the api layer: uses nothing of ours.
 */
package org.portcullis.api.validation;
