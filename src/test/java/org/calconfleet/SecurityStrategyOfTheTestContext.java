package org.calconfleet;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every console context installs its own {@link SecurityContextHolderStrategy} (Vaadin's, one thread-local each) as
 * the JVM-wide one, so after a test has started another context, {@code @WithMockUser} on a cached context filled a
 * strategy that the code no longer read ("system" acted instead of the mock user). Before each test this puts back
 * the strategy of the test's own context.
 */
public class SecurityStrategyOfTheTestContext implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }

    /** Before Spring Security's own listener fills the strategy for {@code @WithMockUser}. */
    @Override
    public int getOrder() {
        return 0;
    }
}
