/**
 * The admin port's guards, as servlet filters on the admin context: HTTP Basic credentials when configured,
 * no browser-sent (cross-site) task requests, and a limit on unlock-account. May use what http may.
 */
package org.portcullis.http.admin;
