package org.openemg.ejb.admin;

/** What /admin/info tells: the gateway, how long it runs, where its configuration is, what it runs. */
public record GatewayInfo(String product, String version, long uptimeSeconds, String startedAt, String emgDir,
                          int nodeId, int connectors, int connectorsRunning, String configurationLoadedAt) {
}
