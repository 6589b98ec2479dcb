package dev.tower.finance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the original's JSON shape. All or nothing: the whole file is read and checked before anything is
 * written, and written in one transaction. Companies are matched by name, years by company and year, so
 * importing the same file again updates in place instead of duplicating.
 */
@Service
public class FinanceImport {

	/** Far above any real export; stops a mistaken multi-gigabyte upload from filling the heap. */
	public static final long MAX_BYTES = 16 * 1024 * 1024;

	private static final int MAX_REPORTED_PROBLEMS = 10;

	private final ObjectReader reader;

	private final Validator validator;

	private final CompanyRepository companies;

	FinanceImport(JsonMapper json, Validator validator, CompanyRepository companies) {
		this.reader = json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build()
			.readerFor(ImportDocument.class);
		this.validator = validator;
		this.companies = companies;
	}

	@Transactional
	@CacheEvict(cacheNames = CompanyService.CACHE, allEntries = true)
	public ImportSummary importFile(Path file) {
		try {
			if (!Files.isRegularFile(file)) {
				throw new MalformedImportException(file + " is not a file");
			}
			if (Files.size(file) > MAX_BYTES) {
				throw new MalformedImportException("%s is larger than the %d MB an import may be".formatted(file,
						MAX_BYTES / 1024 / 1024));
			}
			try (InputStream in = Files.newInputStream(file)) {
				return importJson(in);
			}
		}
		catch (IOException ex) {
			throw new MalformedImportException("cannot read " + file + ": " + ex.getMessage());
		}
	}

	@Transactional
	@CacheEvict(cacheNames = CompanyService.CACHE, allEntries = true)
	public ImportSummary importJson(InputStream json) {
		ImportDocument document = parse(json);
		check(document);
		return apply(document);
	}

	private ImportDocument parse(InputStream json) {
		try {
			ImportDocument document = reader.readValue(json);
			if (document == null) {
				throw new MalformedImportException("the file is empty: expected {\"DATA\": [...]}");
			}
			return document;
		}
		catch (JacksonException ex) {
			if (ex.getOriginalMessage().startsWith("No content")) {
				throw new MalformedImportException("the file is empty: expected {\"DATA\": [...]}");
			}
			var where = ex.getLocation();
			String reference = ex.getPathReference();
			String path = (reference == null || reference.isBlank()) ? "" : " at " + reference;
			String at = (where == null || where.getLineNr() < 0) ? "" : " (line %d, column %d)".formatted(where.getLineNr(), where.getColumnNr());
			throw new MalformedImportException("not the expected JSON" + path + at + ": " + ex.getOriginalMessage());
		}
	}

	private void check(ImportDocument document) {
		Set<ConstraintViolation<ImportDocument>> violations = validator.validate(document);
		List<String> problems = new java.util.ArrayList<>(violations.stream()
			.map(v -> path(v) + " " + v.getMessage())
			.collect(Collectors.toCollection(TreeSet::new)));
		if (violations.isEmpty()) {
			Set<String> names = new HashSet<>();
			for (int i = 0; i < document.data().size(); i++) {
				ImportDocument.Entry entry = document.data().get(i);
				if (!names.add(entry.company().strip())) {
					problems.add("DATA[%d].COMPANY '%s' appears twice in the file".formatted(i, entry.company().strip()));
				}
				Set<Integer> years = new HashSet<>();
				for (ImportDocument.Year year : entry.finance()) {
					if (!years.add(year.year())) {
						problems.add("DATA[%d].FINANCE: year %d appears twice for '%s'".formatted(i, year.year(), entry.company()));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			String shown = problems.stream().limit(MAX_REPORTED_PROBLEMS).collect(Collectors.joining("; "));
			String more = problems.size() > MAX_REPORTED_PROBLEMS ? " (and %d more)".formatted(problems.size() - MAX_REPORTED_PROBLEMS) : "";
			throw new MalformedImportException(shown + more);
		}
	}

	/** Bean Validation paths in the file's own words, e.g. {@code DATA[1].FINANCE[0].YEAR}. */
	private static String path(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString()
			.replace("data", "DATA").replace("finance", "FINANCE").replace("company", "COMPANY")
			.replace("ceo", "COMPANY_CEO").replace("businessType", "BUSINESS_TYPE").replace("year", "YEAR");
		for (int q = 1; q <= 4; q++) {
			path = path.replace("q" + q, "Q" + q + "_EARNINGS");
		}
		return path.replace("<list element>", "").replace("..", ".");
	}

	private ImportSummary apply(ImportDocument document) {
		Map<String, Company> existing = companies
			.findByNameIn(document.data().stream().map(entry -> entry.company().strip()).toList())
			.stream()
			.collect(Collectors.toMap(Company::getName, Function.identity()));
		int companiesCreated = 0, companiesUpdated = 0, yearsCreated = 0, yearsUpdated = 0;
		for (ImportDocument.Entry entry : document.data()) {
			String name = entry.company().strip();
			Company company = existing.get(name);
			if (company == null) {
				company = companies.save(new Company(name, entry.ceo().strip(), entry.businessType().strip()));
				companiesCreated++;
			}
			else {
				company.describe(name, entry.ceo().strip(), entry.businessType().strip());
				companiesUpdated++;
			}
			for (ImportDocument.Year year : entry.finance()) {
				if (company.record(year.year(), year.quarters())) {
					yearsCreated++;
				}
				else {
					yearsUpdated++;
				}
			}
		}
		companies.flush();
		return new ImportSummary(companiesCreated, companiesUpdated, yearsCreated, yearsUpdated);
	}

}
