package com.sciaticacheck.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ShareLinkRepository extends ListCrudRepository<ShareLink, Long> {

	Optional<ShareLink> findByClientSecretHash(String clientSecretHash);

	Optional<ShareLink> findByDashboardSecretHash(String dashboardSecretHash);

	Optional<ShareLink> findByPublicIdAndAccountId(String publicId, Long accountId);

	List<ShareLink> findByAccountIdOrderByCreatedAtDescIdDesc(Long accountId);

	/** The clinic-wide links of the account, newest first: those of no client. */
	List<ShareLink> findByAccountIdAndClientIdIsNullOrderByCreatedAtDescIdDesc(Long accountId);

	/** A client's links, newest first. */
	List<ShareLink> findByClientIdOrderByCreatedAtDescIdDesc(Long clientId);

	/**
	 * Gives a link made before accounts to an account, once: only while it has none, and
	 * its dashboard secret goes, so the old address answers 404 from now on.
	 */
	@Modifying
	@Query("update share_link set account_id = :accountId, public_id = :publicId, client_secret = :clientSecret, "
			+ "dashboard_secret_hash = null where id = :id and account_id is null")
	int claim(Long id, Long accountId, String publicId, String clientSecret);

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
