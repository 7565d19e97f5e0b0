/**
 * The latency guard, an upper layer beside http: endpoint timers with sliding windows, latency budgets as
 * health checks, admin /latency and /prometheus, the adaptive concurrency limit, and the bcrypt bulkhead's
 * door. http marks endpoints with its annotations. May use config (its settings), api (the timer names),
 * service (the bulkhead) and domain (the refusals it throws); never http or db.
 */
package org.portcullis.guard;
