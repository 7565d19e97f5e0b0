/**
 * Health as load balancers and orchestrators see it: the one critical {@code database} check on a pool of
 * its own, and the health module's answer on the admin port. Uses none of our packages.
 */
package org.portcullis.health;
