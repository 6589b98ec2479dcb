package dev.tower.finance;

import java.util.List;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies and their yearly earnings: reading for everyone, changing for admins (checked by the web layer).
 * A company is read far more often than it changes, so single companies are cached; this node evicts on
 * every change, other nodes within the cache's expiry (see application.yml).
 */
@Service
class CompanyService {

	static final String CACHE = "companies";

	private final CompanyRepository companies;

	CompanyService(CompanyRepository companies) {
		this.companies = companies;
	}

	@Transactional(readOnly = true)
	Page<CompanyResponse> find(CompanyFilter filter, Pageable pageable) {
		return companies.findAll(filter.specification(), pageable).map(CompanyResponse::of);
	}

	@Transactional(readOnly = true)
	@Cacheable(cacheNames = CACHE, key = "#id")
	CompanyResponse get(long id) {
		return CompanyResponse.of(load(id));
	}

	@Transactional(readOnly = true)
	List<String> businessTypes() {
		return companies.findBusinessTypes();
	}

	@Transactional
	CompanyResponse create(CompanyRequest request) {
		CompanyRequest company = request.stripped();
		requireUniqueName(company.name(), null);
		return CompanyResponse.of(companies.save(new Company(company.name(), company.ceo(), company.businessType())));
	}

	@Transactional
	@CacheEvict(cacheNames = CACHE, key = "#id")
	CompanyResponse update(long id, CompanyRequest request) {
		CompanyRequest changed = request.stripped();
		Company company = load(id);
		requireUniqueName(changed.name(), company.getId());
		company.describe(changed.name(), changed.ceo(), changed.businessType());
		return CompanyResponse.of(companies.saveAndFlush(company));
	}

	@Transactional
	@CacheEvict(cacheNames = CACHE, key = "#id")
	void delete(long id) {
		companies.delete(load(id));
	}

	/** All years, oldest first, or just the one asked for (an empty list when that year is not recorded). */
	@Transactional(readOnly = true)
	List<FinanceYearResponse> finances(long id, Integer year) {
		Company company = companies.findWithEarningsById(id).orElseThrow(() -> new CompanyNotFoundException(id));
		return company.earningsByYear().stream()
			.filter(row -> year == null || row.getFiscalYear() == year)
			.map(FinanceYearResponse::of)
			.toList();
	}

	/** Records (or replaces) one year; true when the year is new. */
	@Transactional
	boolean record(long id, int year, Quarters quarters) {
		return companies.findWithEarningsById(id).orElseThrow(() -> new CompanyNotFoundException(id)).record(year, quarters);
	}

	@Transactional
	boolean forget(long id, int year) {
		return companies.findWithEarningsById(id).orElseThrow(() -> new CompanyNotFoundException(id)).forget(year);
	}

	private Company load(long id) {
		return companies.findById(id).orElseThrow(() -> new CompanyNotFoundException(id));
	}

	private void requireUniqueName(String name, Long self) {
		companies.findByName(name)
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw new FinanceConflictException("A company named '" + name + "' already exists (id " + other.getId() + ").");
			});
	}

}
