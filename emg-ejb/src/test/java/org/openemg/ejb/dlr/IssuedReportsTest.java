package org.openemg.ejb.dlr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedReportsTest {

    @Test
    void aKnownDlrNeedsNoReportAndIsForgottenOnceSeen() {
        IssuedReports issued = new IssuedReports(10);
        issued.stored(List.of(5L, 6L));

        assertEquals(List.of(1L, 2L), issued.mayNeedReport(List.of(1L, 5L, 2L)));
        assertEquals(1, issued.size());
        // seen final once: a repeated result reads it back, which finds nothing to report either
        assertEquals(List.of(5L), issued.mayNeedReport(List.of(5L)));
    }

    @Test
    void atTheBoundItForgetsAllAndStartsOver() {
        IssuedReports issued = new IssuedReports(2);
        issued.stored(List.of(1L, 2L, 3L));

        assertEquals(1, issued.size());
        // the forgotten ones are read back, as an unknown id always is
        assertEquals(List.of(1L, 2L), issued.mayNeedReport(List.of(1L, 2L, 3L)));
    }

    @Test
    void withNothingKnownEveryPartMayNeedOne() {
        assertEquals(List.of(7L, 8L), new IssuedReports(2).mayNeedReport(List.of(7L, 8L)));
    }
}
