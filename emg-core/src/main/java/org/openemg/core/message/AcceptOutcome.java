package org.openemg.core.message;

import java.math.BigDecimal;
import java.util.List;

/** What a connector tells its client after a request: one result per recipient, in order, and the balance of a prepaid account. */
public record AcceptOutcome(List<RecipientResult> results, BigDecimal balance) {
}
