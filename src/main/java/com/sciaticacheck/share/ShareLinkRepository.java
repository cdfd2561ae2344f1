package com.sciaticacheck.share;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ShareLinkRepository extends ListCrudRepository<ShareLink, Long> {

	Optional<ShareLink> findByClientSecretHash(String clientSecretHash);

	Optional<ShareLink> findByDashboardSecretHash(String dashboardSecretHash);

	/**
	 * The link, locked until the transaction ends: a revoke or delete waits for a
	 * submission in flight.
	 */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<ShareLink> findLockedById(Long id);

	@Modifying
	@Query("update share_link set revoked_at = :now where id = :id and revoked_at is null")
	int revoke(Long id, Instant now);

	/** Deletes links whose retention ended; their submissions go with them (cascade). */
	@Modifying
	@Query("delete from share_link where accepts_until <= :cutoff")
	int deleteRetainedUntil(Instant cutoff);

}
