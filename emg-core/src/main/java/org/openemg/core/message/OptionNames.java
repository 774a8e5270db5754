package org.openemg.core.message;

/** The option names of spec section 1, identical in HTTP parameters, mail headers, config and logs. */
public final class OptionNames {
    public static final String ID = "ID";
    public static final String SOURCEADDR = "SOURCEADDR";
    public static final String SOURCEADDRTON = "SOURCEADDRTON";
    public static final String SOURCEADDRNPI = "SOURCEADDRNPI";
    public static final String DESTADDR = "DESTADDR";
    public static final String DESTADDRTON = "DESTADDRTON";
    public static final String DESTADDRNPI = "DESTADDRNPI";
    public static final String SOURCEPORT = "SOURCEPORT";
    public static final String DESTPORT = "DESTPORT";
    public static final String MESSAGE = "MESSAGE";
    public static final String UDH = "UDH";
    public static final String CHARCODE = "CHARCODE";
    public static final String DCS = "DCS";
    public static final String PROTOCOLID = "PROTOCOLID";
    public static final String MSGCLASS = "MSGCLASS";
    public static final String VP = "VP";
    public static final String DELTIME = "DELTIME";
    public static final String DLR = "DLR";
    public static final String MSGTYPE = "MSGTYPE";
    public static final String ORIGID = "ORIGID";
    public static final String MESSAGESTATE = "MESSAGESTATE";
    public static final String PRIORITY = "PRIORITY";
    public static final String USERNAME = "USERNAME";
    public static final String PASSWORD = "PASSWORD";
    public static final String ROUTE = "ROUTE";
    public static final String ROUTEDLR = "ROUTEDLR";
    public static final String REMOTEIP = "REMOTEIP";
    public static final String CONNECTOR = "CONNECTOR";
    public static final String OUTCONNECTOR = "OUTCONNECTOR";
    /** Set by the gateway: the client of an incoming SMPP connector a route named ({@code smpp-in:acme}). */
    public static final String OUTUSER = "OUTUSER";
    public static final String STATUS = "STATUS";
    /** On a DLR, set by the gateway: when the original was accepted and when it became final, yyyyMMddHHmmss UTC. */
    public static final String SUBMITDATE = "SUBMITDATE";
    public static final String DONEDATE = "DONEDATE";
    public static final String SMSCID = "SMSCID";
    /** On a receipt from an SMSC, set by the gateway: its {@code err:} code, when it names an error. */
    public static final String SMSCERROR = "SMSCERROR";
    public static final String SUBJECT = "SUBJECT";
    public static final String CONCATSMSREF = "CONCATSMSREF";
    public static final String CONCATSMSSEQ = "CONCATSMSSEQ";
    public static final String CONCATSMSMAX = "CONCATSMSMAX";
    /**
     * On a WAP push and its DLR, set by the PAP connector: the push-id, the address-value as the push
     * initiator wrote it, its ppg-notify-requested-to, and the PAP version it spoke, so the DLR alone
     * makes the result notification.
     */
    public static final String PAP_PUSHID = "PAP_PUSHID";
    public static final String PAP_ADDRESS = "PAP_ADDRESS";
    public static final String PAP_NOTIFYTO = "PAP_NOTIFYTO";
    public static final String PAP_VERSION = "PAP_VERSION";

    private OptionNames() {
    }
}
