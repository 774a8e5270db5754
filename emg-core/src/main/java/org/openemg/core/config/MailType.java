package org.openemg.core.config;

/** DEFAULT_MSGTYPE of an SMTP connector: NORMAL makes SMS text of a mail, EMAIL passes its content through. */
public enum MailType {
    NORMAL,
    EMAIL
}
