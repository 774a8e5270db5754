package org.openemg.ejb.store;

import java.util.List;

/** A receipt from an SMSC as the store applies it: its id's readings, best first (SmscId.candidates), and its report. */
public record SmscReceipt(List<String> smscIdReadings, PartReport report) {
}
