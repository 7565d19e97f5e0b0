/**
 * The application layer: {@link org.portcullis.PortcullisApplication} and
 * {@link org.portcullis.PortcullisConfiguration} at the top, and the wiring they delegate to (Services,
 * ApiResources, OperatorActions). It turns settings into constructor arguments and hands every part its
 * collaborators; it decides nothing about a request. It may use every package below; none may use it.
 */
package org.portcullis;
