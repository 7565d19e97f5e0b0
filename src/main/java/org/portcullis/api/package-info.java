/**
 * The API's contract: request and response records (JSON, snake_case) with their validation, and the
 * endpoint timer names operators rely on. May use domain only (a response is built from a domain record).
 */
package org.portcullis.api;
