package org.openemg.core.config;

/**
 * METHOD of an outgoing HTTP connector: the options as the query of a GET, or as a POSTed form; PAP POSTs
 * the resultnotification-message a WAP push's DLR stands for to the push's ppg-notify-requested-to.
 */
public enum CallMethod {
    GET,
    POST,
    PAP
}
