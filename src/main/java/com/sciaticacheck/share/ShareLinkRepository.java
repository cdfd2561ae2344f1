package com.sciaticacheck.share;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ShareLinkRepository extends ListCrudRepository<ShareLink, Long> {

	Optional<ShareLink> findByClientSecretHash(String clientSecretHash);

	Optional<ShareLink> findByDashboardSecretHash(String dashboardSecretHash);

	/** Deletes links whose retention ended; their submissions go with them (cascade). */
	@Modifying
	@Query("delete from share_link where accepts_until <= :cutoff")
	int deleteRetainedUntil(Instant cutoff);

}
