package org.openemg.ejb.store;

import java.util.List;

/** What a claim did: the parts now in flight, and the queued parts it found past their VP and expired instead. */
public record Claim(List<ClaimedPart> parts, List<Long> expired) {
}
