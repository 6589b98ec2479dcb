package dev.tower.finance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CompanyRepository extends JpaRepository<Company, Long>, JpaSpecificationExecutor<Company> {

	Optional<Company> findByName(String name);

	boolean existsByName(String name);

	@EntityGraph(attributePaths = "earnings")
	List<Company> findByNameIn(Collection<String> names);

	@EntityGraph(attributePaths = "earnings")
	Optional<Company> findWithEarningsById(long id);

	@Query("select distinct c.businessType from Company c order by c.businessType")
	List<String> findBusinessTypes();

}
