package dev.tower.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByOrderByCreatedAtDesc(Pageable page);

	@Modifying
	@Query("delete from Notification n where n.createdAt < ?1")
	int deleteCreatedBefore(Instant before);

}
