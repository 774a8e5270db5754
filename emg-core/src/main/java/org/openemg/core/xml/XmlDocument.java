package org.openemg.core.xml;

/**
 * A parsed document: the DOCTYPE's public and system ids (null when absent) and the root
 * element. PAP, SI and SL are DTD-typed, so the public id is what says which version it is.
 */
public record XmlDocument(String publicId, String systemId, XmlElement root) {
}
