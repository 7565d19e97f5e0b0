/**
 * The one error shape: an exception mapper per family of failure (domain refusals, database failures, bad
 * JSON, validation, Jersey's own refusals, our bugs) and Jetty's error handler for what never reaches
 * Jersey. May use api (the ErrorResponse record) and domain (the refusals it maps).
 */
package org.portcullis.http.errors;
