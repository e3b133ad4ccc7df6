package io.ledgerline.testsupport.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * What the packaged configuration gives away to whoever runs the jar as it is, or reads it. A
 * service's test class extends this, so that it reads that service's own {@code application.yml}.
 */
public abstract class PackagedConfigurationChecks {

    @ParameterizedTest
    @ValueSource(strings = {"application.yml", "application-local.yml"})
    void setsNoCredentials(String file) throws Exception {
        Map<String, Object> credentials = new TreeMap<>();
        for (PropertySource<?> source : load(file)) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (name.matches("(?i).*(password|secret|credential|username).*")) {
                    credentials.put(name, source.getProperty(name));
                }
            }
        }

        assertThat(credentials).as("credentials come from the environment, run-local or the tests").isEmpty();
    }

    @Test
    void healthShowsDetailsOnlyToAdministratorsAndAnswersFromACache() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        load("application.yml").forEach(environment.getPropertySources()::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        HealthEndpointProperties health = binder.bind("management.endpoint.health", HealthEndpointProperties.class).get();

        assertThat(health.getShowDetails()).isEqualTo(Show.WHEN_AUTHORIZED);
        assertThat(health.getShowComponents()).isEqualTo(Show.WHEN_AUTHORIZED);
        assertThat(health.getRoles()).containsExactly("ADMIN");
        assertThat(binder.bind("management.endpoint.health.cache.time-to-live", Duration.class).get()).isPositive();
    }

    private static List<PropertySource<?>> load(String file) throws Exception {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    }
}
