package org.openemg.core.xml;

import java.util.List;
import java.util.Map;

/**
 * One element of a parsed document: its name, its attributes, its child
 * elements, and the character data directly inside it (child elements' text excluded).
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The attribute's value, or null when the element does not have it. */
    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The first child of that name, or null. */
    public XmlElement child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }
}
