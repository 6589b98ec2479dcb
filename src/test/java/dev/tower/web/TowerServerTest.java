package dev.tower.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tower.EmbeddedPostgresConfiguration;
import dev.tower.EmptyCaches;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.jdbc.Sql;

/** Tower on a real port (real Tomcat, real error dispatch), on the embedded PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("testing")
@Import(EmbeddedPostgresConfiguration.class)
@Sql(scripts = "classpath:empty-database.sql")
@ExtendWith(EmptyCaches.class)
@interface TowerServerTest {
}
