package dev.tower.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

	@EntityGraph(attributePaths = "account")
	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByAccountUsernameOrderByCreatedAtDesc(String username);

	long countByAccountUsername(String username);

	Optional<ApiToken> findByIdAndAccountUsername(long id, String username);

	@Transactional
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :when where t.id = :id")
	void markUsed(long id, Instant when);

}
