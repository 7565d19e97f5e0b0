/**
 * Bearer authentication on Dropwizard's auth module: the filter that reads {@code Authorization: Bearer},
 * the 401 challenge, and their installation over the service that decides (service.AccessTokenAuthenticator).
 * May use service, api and domain.
 */
package org.portcullis.http.auth;
