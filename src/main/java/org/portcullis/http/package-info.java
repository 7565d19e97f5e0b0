/**
 * The HTTP layer: what every request meets before and after a resource (body size limit, security headers,
 * CORS, the JSON policy) and which client address a request came from. Its subpackages hold the resources,
 * bearer authentication, the error mappers and the /docs page. It may use guard, api, service and domain;
 * never db or config (settings arrive as plain values).
 */
package org.portcullis.http;
