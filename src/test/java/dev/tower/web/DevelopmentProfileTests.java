package dev.tower.web;

import dev.tower.account.AccountService;
import dev.tower.finance.EarningsService;
import dev.tower.results.ResultsQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `./mvnw spring-boot:run` gives a newcomer: H2 in PostgreSQL mode migrated by the same Flyway scripts,
 * a demo admin account and the demo companies (here in memory instead of ./data).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:development;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@ActiveProfiles("development")
class DevelopmentProfileTests {

	@Autowired
	AccountService accounts;

	@Autowired
	EarningsService earnings;

	@Autowired
	ResultsQueries results;

	@Test
	void startsWithADemoAccountAndTheDemoCompanies() {
		assertThat(accounts.list()).singleElement().satisfies(demo -> {
			assertThat(demo.username()).isEqualTo("demo");
			assertThat(demo.admin()).isTrue();
		});
		var finance = earnings.statistics();
		assertThat(finance.companies()).isEqualTo(10);
		assertThat(finance.financeYears()).isGreaterThanOrEqualTo(50);
		assertThat(finance.firstYear()).isEqualTo(2015);
	}

	/** The insights' statements are written for PostgreSQL's indexes; H2 runs them too, without those indexes. */
	@Test
	void answersTheResultsInsightsOnH2() {
		var slowest = results.slowest(14, 10);
		assertThat(slowest).hasSize(10);
		assertThat(results.slowest(14, 3, 1)).isEqualTo(slowest.subList(0, 3));
		assertThat(results.mostFailing(14, 10)).isNotEmpty();
		assertThat(results.flaky(14, 25)).isNotEmpty();
	}

}
