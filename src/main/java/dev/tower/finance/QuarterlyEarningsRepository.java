package dev.tower.finance;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface QuarterlyEarningsRepository extends Repository<QuarterlyEarnings, Long> {

	@Query("select distinct e.fiscalYear from QuarterlyEarnings e order by e.fiscalYear")
	List<Integer> findYears();

	@Query("select e from QuarterlyEarnings e join fetch e.company where e.fiscalYear = :year")
	List<QuarterlyEarnings> findByFiscalYear(int year);

	@Query("""
			select new dev.tower.finance.YearTotal(e.fiscalYear,
			    sum(coalesce(e.q1, 0) + coalesce(e.q2, 0) + coalesce(e.q3, 0) + coalesce(e.q4, 0)), count(e))
			from QuarterlyEarnings e group by e.fiscalYear order by e.fiscalYear""")
	List<YearTotal> findTotalsByYear();

	long count();

}
