package org.openemg.core.health;

import java.util.List;

/** Who knows the binds of the outgoing SMPP connectors now (the EJB module, from the resource adapter). */
public interface SmscBindsSource {

    List<SmscBinds> smscBinds();
}
