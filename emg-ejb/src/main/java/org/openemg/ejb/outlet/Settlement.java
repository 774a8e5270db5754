package org.openemg.ejb.outlet;

import java.util.List;

/** Where an outlet that needs no peer's answer (the sink) settles what it sent. */
public interface Settlement {

    /** The parts reached their destination: DELIVERED. */
    void delivered(String connector, List<Long> partIds);
}
