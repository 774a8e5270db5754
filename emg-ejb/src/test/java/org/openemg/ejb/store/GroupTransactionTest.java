package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTransactionTest {

    @Test
    void onEmbeddedH2TheNextGroupWaitsForTheCommit() throws Exception {
        try (H2Store store = new H2Store()) {
            GroupTransaction transaction = new GroupTransaction();
            transaction.sessions = store;
            List<String> steps = new ArrayList<>();

            transaction.run(() -> steps.add("statements"), () -> steps.add("lead handed on"));

            assertEquals(List.of("statements"), steps);
        }
    }
}
