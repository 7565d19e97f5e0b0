/**
 * The JAX-RS resources: thin, they parse a request, call a service and map the answer to an api record;
 * plus the OpenAPI document built from them. Like all of http they may use guard (timer names, guard
 * markers), api, service and domain, never db or config.
 */
package org.portcullis.http.resources;
