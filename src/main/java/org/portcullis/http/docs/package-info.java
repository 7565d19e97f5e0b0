/**
 * GET /docs: Swagger UI from the webjar over the OpenAPI document, served as Dropwizard assets with a
 * Content-Security-Policy of its own. May use http.errors for the JSON error body; nothing below http.
 */
package org.portcullis.http.docs;
