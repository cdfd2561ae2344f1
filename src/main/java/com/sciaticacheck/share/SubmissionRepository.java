package com.sciaticacheck.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SubmissionRepository extends ListCrudRepository<Submission, Long> {

	/**
	 * The order a physio triages by: told to get help now, then today (an urgent of rules
	 * version 1, stored forms 1 and 2, meant "this week"), then this week, then the rest;
	 * newest first within each. The same as {@link Submission#pinned()} and
	 * {@link Submission#thisWeek()}.
	 */
	String TRIAGE_ORDER = " order by case when s.referral = 'EMERGENCY' then 0"
			+ " when s.referral = 'URGENT' and s.stored_form_version >= 3 then 1"
			+ " when s.referral in ('URGENT', 'SOON') then 2 else 3 end, s.submitted_at desc, s.id desc";

	List<Submission> findByShareLinkIdOrderBySubmittedAtDescIdDesc(Long shareLinkId);

	Optional<Submission> findByPublicIdAndShareLinkId(String publicId, Long shareLinkId);

	Optional<Submission> findByResultSecretHash(String resultSecretHash);

	/** One page of every answer shared with the account, in triage order. */
	@Query("select s.* from submission s join share_link l on l.id = s.share_link_id where l.account_id = :accountId"
			+ TRIAGE_ORDER + " limit :limit offset :offset")
	List<Submission> pageForAccount(long accountId, int limit, long offset);

	@Query("select count(*) from submission s join share_link l on l.id = s.share_link_id "
			+ "where l.account_id = :accountId")
	long countForAccount(long accountId);

	/** One page of the answers shared through one link, in triage order. */
	@Query("select s.* from submission s where s.share_link_id = :linkId" + TRIAGE_ORDER
			+ " limit :limit offset :offset")
	List<Submission> pageForLink(long linkId, int limit, long offset);

	long countByShareLinkId(Long shareLinkId);

	/** Every answer shared with the account, in triage order: for the CSV export. */
	@Query("select s.* from submission s join share_link l on l.id = s.share_link_id where l.account_id = :accountId"
			+ TRIAGE_ORDER)
	List<Submission> allForAccount(long accountId);

	@Query("select s.* from submission s join share_link l on l.id = s.share_link_id "
			+ "where s.public_id = :publicId and l.account_id = :accountId")
	Optional<Submission> findForAccount(String publicId, long accountId);

	/** When each answer of the link came, oldest first: for finding bursts. */
	@Query("select submitted_at from submission where share_link_id = :linkId order by submitted_at")
	List<Instant> submittedTimes(long linkId);

	/** A client's checks, oldest first: their timeline. */
	List<Submission> findByClientIdOrderBySubmittedAtAscIdAsc(Long clientId);

	boolean existsByClientId(Long clientId);

	/** The client's last check, if any. */
	Optional<Submission> findFirstByClientIdOrderBySubmittedAtDescIdDesc(Long clientId);

	/**
	 * Puts a submission on a client's timeline, once: only while it is on none, so two
	 * physios moving it at the same moment cannot move it twice.
	 */
	@Modifying
	@Query("update submission set client_id = :clientId where id = :id and client_id is null")
	int moveToClient(long id, long clientId);

	@Modifying
	@Query("delete from submission where share_link_id = :linkId and submitted_at >= :from and submitted_at <= :to")
	int deleteBetween(long linkId, Instant from, Instant to);

}
