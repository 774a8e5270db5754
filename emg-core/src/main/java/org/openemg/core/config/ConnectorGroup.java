package org.openemg.core.config;

import java.util.List;

/** A {@code CONNECTORGROUP name < ... >} section: its members in the order written. */
public record ConnectorGroup(String name, GroupType type, List<Member> members) {

    public ConnectorGroup {
        members = List.copyOf(members);
    }

    /** {@code CONNECTOR=name[:weight]}; the weight matters only to LB groups. */
    public record Member(String name, int weight) {

        public Member(String name) {
            this(name, 1);
        }
    }
}
