/**
 * The operator's admin tasks ({@code POST /tasks/...}) over the services. May use api (email
 * normalisation), service and domain.
 */
package org.portcullis.tasks;
