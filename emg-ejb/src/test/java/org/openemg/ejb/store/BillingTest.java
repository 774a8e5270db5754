package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillingTest {

    private static final List<String> ROWS = List.of("a0", "a1", "free", "b0", "b1", "b2", "c0");

    private static Billing threeRequests() {
        return new Billing(List.of(new Billing.Charge("ann", new BigDecimal(2), 0, 2),
                new Billing.Charge("bea", new BigDecimal(3), 3, 3), new Billing.Charge("ann", BigDecimal.ONE, 6, 1)));
    }

    @Test
    void allRowsAreStoredWhileNoChargeIsRefused() {
        Billing billing = threeRequests();
        assertSame(ROWS, billing.paid(ROWS));
        assertTrue(Billing.free().isFree());
        assertFalse(billing.isFree());
    }

    @Test
    void aRefusedChargeLeavesOutExactlyItsOwnRows() {
        Billing billing = threeRequests();
        billing.refuse(1);
        assertEquals(List.of("a0", "a1", "free", "c0"), billing.paid(ROWS));
        billing.refuse(0);
        assertEquals(List.of("free", "c0"), billing.paid(ROWS));
        assertTrue(billing.refused(0) && billing.refused(1));
        assertFalse(billing.refused(2));
    }

    @Test
    void aResetForgetsRefusalsAndBalancesOfATryThatRolledBack() {
        Billing billing = threeRequests();
        billing.refuse(2);
        billing.balance("ann", BigDecimal.TEN);
        assertEquals(Optional.of(BigDecimal.TEN), billing.balanceOf("ann"));

        billing.reset();

        assertFalse(billing.refused(2));
        assertEquals(Optional.empty(), billing.balanceOf("ann"));
        assertSame(ROWS, billing.paid(ROWS));
    }
}
