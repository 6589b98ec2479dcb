package dev.tower;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.jdbc.Sql;

/**
 * The whole application on a real PostgreSQL (one embedded server shared by every test class through the
 * context cache), migrated by Flyway, emptied before each test; Destiny's week runs on the {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("testing")
@Import({ EmbeddedPostgresConfiguration.class, TestClock.Bean.class })
@Sql(scripts = "classpath:empty-database.sql")
@ExtendWith(EmptyCaches.class)
public @interface TowerTest {
}
