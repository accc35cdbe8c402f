package org.calconfleet.testdb;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a fresh PostgreSQL database when the tests run on PostgreSQL (see
 * {@link TestDatabase}): the database is made as the context starts, outranks every other data source setting,
 * and is dropped after the context's data source has closed. On H2 it does nothing.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabase.onPostgres() ? new FreshPostgres() : null;
    }

    private static final class FreshPostgres implements ContextCustomizer {

        private static final String BEAN = "postgresTestDatabase";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabase.createPostgres();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN, Map.of(
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password())));
            RootBeanDefinition definition = new RootBeanDefinition(TestDatabase.class, () -> database);
            definition.setDestroyMethodName("close");
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(BEAN, definition);
            // A bean is destroyed after the beans that depend on it: the pool closes first, then the database goes.
            context.addBeanFactoryPostProcessor(beanFactory -> {
                for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                    BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
                    dataSource.setDependsOn(BEAN);
                }
            });
        }

        // One customizer as any other: contexts are cached exactly as on H2, each with its own database.
        @Override
        public boolean equals(Object other) {
            return other instanceof FreshPostgres;
        }

        @Override
        public int hashCode() {
            return FreshPostgres.class.hashCode();
        }
    }
}
