package dev.tower.finance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

/** A company and its quarterly earnings, one row per year (the original's {@code Company} → many {@code Finance}). */
@Entity
class Company {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String ceo;

	private String businessType;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "company", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<QuarterlyEarnings> earnings = new ArrayList<>();

	protected Company() {
	}

	Company(String name, String ceo, String businessType) {
		describe(name, ceo, businessType);
		this.createdAt = this.updatedAt;
	}

	void describe(String name, String ceo, String businessType) {
		this.name = name;
		this.ceo = ceo;
		this.businessType = businessType;
		this.updatedAt = Instant.now();
	}

	/** Records a year's quarters, replacing what was there; returns true when the year is new. */
	boolean record(int year, Quarters quarters) {
		Optional<QuarterlyEarnings> existing = year(year);
		existing.ifPresentOrElse(row -> row.replace(quarters), () -> earnings.add(new QuarterlyEarnings(this, year, quarters)));
		this.updatedAt = Instant.now();
		return existing.isEmpty();
	}

	boolean forget(int year) {
		return earnings.removeIf(row -> row.getFiscalYear() == year);
	}

	Optional<QuarterlyEarnings> year(int year) {
		return earnings.stream().filter(row -> row.getFiscalYear() == year).findFirst();
	}

	List<QuarterlyEarnings> earningsByYear() {
		return earnings.stream().sorted(Comparator.comparingInt(QuarterlyEarnings::getFiscalYear)).toList();
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getCeo() {
		return ceo;
	}

	String getBusinessType() {
		return businessType;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
