package org.openemg.core.mail;

import java.util.List;
import org.openemg.core.config.Cidr;
import org.openemg.core.config.ConnectorConfig;

/**
 * Which recipients an incoming SMTP connector takes from which client (the seed page's "Preventing
 * SMTP relaying"): one in LOCALDOMAINS from anyone, any other only from a client inside LOCALIPS. A
 * connector with neither keyword relays for everyone, as it did before relaying could be limited.
 */
public final class RelayRule {

    private final List<String> localDomains;
    private final List<Cidr> localIps;

    public RelayRule(List<String> localDomains, List<Cidr> localIps) {
        this.localDomains = List.copyOf(localDomains);
        this.localIps = List.copyOf(localIps);
    }

    public static RelayRule of(ConnectorConfig connector) {
        return new RelayRule(connector.localDomains(), connector.localIps());
    }

    public boolean permits(MailAddress recipient, String clientIp) {
        if (localDomains.isEmpty() && localIps.isEmpty()) {
            return true;
        }
        return localDomains.contains(recipient.domain()) || localIps.stream().anyMatch(net -> net.contains(clientIp));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayRule other && other.localDomains.equals(localDomains) && other.localIps.equals(localIps);
    }

    @Override
    public int hashCode() {
        return 31 * localDomains.hashCode() + localIps.hashCode();
    }
}
