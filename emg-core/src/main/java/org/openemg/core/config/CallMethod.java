package org.openemg.core.config;

/** METHOD of an outgoing HTTP connector: the options as the query of a GET, or as a POSTed form. */
public enum CallMethod {
    GET,
    POST
}
