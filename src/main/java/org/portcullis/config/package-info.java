/**
 * Settings classes bound from config.yml and validated at start (a bad file fails with a clear message).
 * Plain values handed down: only the application and the guard's bundle read them, never a service. May
 * use api (the endpoint names a budget may key) and domain (what a signing key must be).
 */
package org.portcullis.config;
