package org.openemg.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.openemg.testkit.SmscSimulator;

/**
 * The run's one SMSC simulator, on the port the build reserved for smpp-out (every gateway under test
 * binds there): started before the first test class that uses it, closed when the run ends, put into
 * each test's (non-static) field of type {@link SmscSimulator} and reset before each test.
 */
final class SmscSimulatorExtension implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SmscSimulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                // a static simulator is a test's own (a second SMSC), not the run's
                if (field.getType() == SmscSimulator.class && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(test, simulator(context));
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    private static SmscSimulator simulator(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).smsc();
    }

    /** Closed by JUnit with the root store, at the end of the run. */
    private record Running(SmscSimulator smsc) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            try {
                return new Running(SmscSimulator.on(Integer.getInteger("it.smsc.port"))
                        .credentials("gateway", "smscpass").start());
            } catch (IOException e) {
                throw new UncheckedIOException("the SMSC simulator could not listen on the reserved port", e);
            }
        }

        @Override
        public void close() throws IOException {
            smsc.close();
        }
    }
}
