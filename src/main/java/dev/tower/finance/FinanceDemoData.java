package dev.tower.finance;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Development only: the original's WayneCorp and Stark Industries plus eight more companies, loaded through
 * the same import as any user's file, and only into an empty database.
 */
@Component
@Profile("development")
@ConditionalOnWebApplication
class FinanceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FinanceDemoData.class);

	private final CompanyRepository companies;

	private final FinanceImport financeImport;

	FinanceDemoData(CompanyRepository companies, FinanceImport financeImport) {
		this.companies = companies;
		this.financeImport = financeImport;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (companies.count() > 0) {
			return;
		}
		try (InputStream in = new ClassPathResource("finance/demo-companies.json").getInputStream()) {
			log.info("Loaded the finance demo data: {}", financeImport.importJson(in));
		}
	}

}
