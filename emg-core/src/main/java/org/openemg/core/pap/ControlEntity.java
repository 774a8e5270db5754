package org.openemg.core.pap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openemg.core.xml.HardenedXmlParser;
import org.openemg.core.xml.XmlDocument;
import org.openemg.core.xml.XmlElement;
import org.openemg.core.xml.XmlException;

/**
 * The PAP control entity (the XML document) read into the version it was written in and the
 * message it carries. XML that does not parse, an unknown version and a message this PPG does not
 * handle are badmessage-responses; a push-message with a push-id but wrong values is a refused push.
 * Unknown attributes and elements are ignored rather than refused.
 */
record ControlEntity(PapVersion version, PapMessage message) {

    private static final int MAX_OCTETS = 128 * 1024;
    private static final int FRAGMENT_CHARS = 1024;
    private static final HardenedXmlParser PARSER = new HardenedXmlParser(MAX_OCTETS);
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+pap\\s+PUBLIC\\s+[\"']([^\"']*)[\"']");
    /** PAP 2.x version negotiation sits in the DOCTYPE's internal subset, where SAX reports no processing instructions. */
    private static final Pattern PAP_VER =
            Pattern.compile("<\\?wap-pap-ver\\s+supported-versions\\s*=\\s*[\"']([^\"']*)[\"']\\s*\\?>");
    private static final Set<String> REACHABLE_BEARERS = Set.of("any", "sms");
    private static final Set<String> REACHABLE_NETWORKS = Set.of("any", "gsm");

    static ControlEntity parse(byte[] xml, String charset) throws PapException {
        String prolog = new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.ISO_8859_1);
        XmlDocument document;
        try {
            document = PARSER.parse(xml, charset);
        } catch (XmlException e) {
            throw PapException.badMessage(versionGuess(prolog), PapCode.BAD_REQUEST,
                    "Not understood due to malformed syntax: " + e.getMessage(), fragment(xml));
        }
        XmlElement root = document.root();
        if (!root.name().equals("pap")) {
            throw PapException.badMessage(PapVersion.V1_0, PapCode.BAD_REQUEST, "Not a pap document", fragment(xml));
        }
        PapVersion version = version(document, prolog, xml);
        if (root.children().size() != 1) {
            throw PapException.badMessage(version, PapCode.BAD_REQUEST, "pap holds exactly one message", fragment(xml));
        }
        return new ControlEntity(version, message(version, root.children().get(0), xml));
    }

    private static PapVersion versionGuess(String prolog) {
        Matcher m = DOCTYPE.matcher(prolog);
        return m.find() ? PapVersion.ofPublicId(m.group(1)).orElse(PapVersion.V1_0) : PapVersion.V1_0;
    }

    private static PapVersion version(XmlDocument document, String prolog, byte[] xml) throws PapException {
        if (document.publicId() == null) {
            return PapVersion.V1_0;
        }
        PapVersion version = PapVersion.ofPublicId(document.publicId()).orElseThrow(() -> PapException.badMessage(
                PapVersion.V1_0, PapCode.VERSION_NOT_SUPPORTED, "PAP version not supported: " + document.publicId(),
                fragment(xml)));
        Matcher offered = PAP_VER.matcher(prolog);
        if (offered.find() && Arrays.stream(offered.group(1).split(","))
                .noneMatch(entry -> Arrays.stream(PapVersion.values()).anyMatch(v -> v.matches(entry)))) {
            throw PapException.badMessage(version, PapCode.VERSION_NOT_SUPPORTED,
                    "None of the supported-versions " + offered.group(1) + " is read by this PPG", fragment(xml));
        }
        return version;
    }

    private static PapMessage message(PapVersion version, XmlElement message, byte[] xml) throws PapException {
        String pushId = message.attribute("push-id");
        switch (message.name()) {
            case "push-message", "statusquery-message", "cancel-message", "resultnotification-response" -> {
                if (pushId == null || pushId.isEmpty()) {
                    throw PapException.badMessage(version, PapCode.BAD_REQUEST, message.name() + " without push-id", fragment(xml));
                }
            }
            case "ccq-message" -> throw PapException.badMessage(version, PapCode.NOT_IMPLEMENTED,
                    "Client capabilities query not implemented", fragment(xml));
            default -> throw PapException.badMessage(version, PapCode.BAD_REQUEST,
                    "Not a message a PPG accepts: " + message.name(), fragment(xml));
        }
        try {
            return switch (message.name()) {
                case "push-message" -> push(version, pushId, message);
                case "statusquery-message" -> new StatusQueryMessage(pushId, addresses(message));
                case "cancel-message" -> new CancelMessage(pushId, addresses(message));
                default -> new ResultNotificationResponse(pushId, PapCode.of(Integer.parseInt(required(message, "code"))),
                        message.attribute("desc"));
            };
        } catch (IllegalArgumentException e) {
            throw PapException.badMessage(version, PapCode.BAD_REQUEST, e.getMessage(), fragment(xml));
        }
    }

    private static PushMessage push(PapVersion version, String pushId, XmlElement message) throws PapException {
        if (message.attribute("replace-push-id") != null) {
            throw PapException.refusedPush(version, pushId, PapCode.REPLACEMENT_NOT_SUPPORTED, "replace-push-id is not supported");
        }
        List<PapAddress> addresses = pushAddresses(version, pushId, message);
        try {
            qualityOfService(version, pushId, message.child("quality-of-service"));
            Instant before = timestamp(message, "deliver-before-timestamp");
            Instant after = timestamp(message, "deliver-after-timestamp");
            if (before != null && after != null && !after.isBefore(before)) {
                throw new IllegalArgumentException("deliver-after-timestamp is not before deliver-before-timestamp");
            }
            return new PushMessage(pushId, addresses, before, after, notifyUrl(message.attribute("ppg-notify-requested-to")),
                    flag(message, "progress-notes-requested"));
        } catch (IllegalArgumentException e) {
            throw PapException.refusedPush(version, pushId, PapCode.BAD_REQUEST, e.getMessage());
        }
    }

    /** The push's addresses, one per phone number: every one must be a phone number an SMS can reach. */
    private static List<PapAddress> pushAddresses(PapVersion version, String pushId, XmlElement message) throws PapException {
        List<PapAddress> addresses = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        try {
            for (PapAddress address : addresses(message)) {
                String number = address.phoneNumber().orElseThrow(() -> new IllegalArgumentException(
                        "TYPE=" + address.type() + " cannot be reached by SMS: " + address.value()));
                if (numbers.add(number)) {
                    addresses.add(address);
                }
            }
        } catch (IllegalArgumentException e) {
            throw PapException.refusedPush(version, pushId, PapCode.ADDRESS_ERROR, e.getMessage());
        }
        if (addresses.isEmpty()) {
            throw PapException.refusedPush(version, pushId, PapCode.ADDRESS_ERROR, "push-message without address");
        }
        return addresses;
    }

    private static List<PapAddress> addresses(XmlElement message) {
        List<PapAddress> addresses = new ArrayList<>();
        for (XmlElement address : message.children("address")) {
            addresses.add(PapAddress.parse(required(address, "address-value")));
        }
        return addresses;
    }

    /** Refuses what an SMS-only PPG cannot do: confirmed delivery, and a required bearer or network other than SMS on GSM. */
    private static void qualityOfService(PapVersion version, String pushId, XmlElement qos) throws PapException {
        if (qos == null) {
            return;
        }
        if ("confirmed".equals(qos.attribute("delivery-method"))) {
            throw PapException.refusedPush(version, pushId, PapCode.DELIVERY_METHOD_NOT_POSSIBLE,
                    "confirmed delivery needs a WSP session; pushes go out as connectionless SMS");
        }
        if (flag(qos, "bearer-required") && !REACHABLE_BEARERS.contains(lower(qos.attribute("bearer")))) {
            throw PapException.refusedPush(version, pushId, PapCode.REQUIRED_BEARER_NOT_AVAILABLE,
                    "bearer " + qos.attribute("bearer") + " not available; this PPG sends SMS");
        }
        if (flag(qos, "network-required") && !REACHABLE_NETWORKS.contains(lower(qos.attribute("network")))) {
            throw PapException.refusedPush(version, pushId, PapCode.REQUIRED_NETWORK_NOT_AVAILABLE,
                    "network " + qos.attribute("network") + " not available; this PPG sends GSM SMS");
        }
    }

    private static String lower(String value) {
        return value == null ? "any" : value.toLowerCase(Locale.ROOT);
    }

    private static String required(XmlElement element, String attribute) {
        String value = element.attribute(attribute);
        if (value == null) {
            throw new IllegalArgumentException(element.name() + " without " + attribute);
        }
        return value;
    }

    private static Instant timestamp(XmlElement element, String attribute) {
        String value = element.attribute(attribute);
        return value == null ? null : PapDateTime.parse(value);
    }

    private static boolean flag(XmlElement element, String attribute) {
        String value = element.attribute(attribute);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(attribute + " must be true or false: " + value);
    }

    /** The URL the result notification goes to: absolute http or https, as the PPG will POST to it. */
    private static String notifyUrl(String value) {
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ppg-notify-requested-to is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("ppg-notify-requested-to is not an http or https URL: " + value);
        }
        return uri.toString();
    }

    /** The start of the document as text, for bad-message-fragment. */
    static String fragment(byte[] xml) {
        String text = new String(xml, 0, Math.min(xml.length, FRAGMENT_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() > FRAGMENT_CHARS ? text.substring(0, FRAGMENT_CHARS) : text;
    }
}
