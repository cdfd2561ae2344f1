package com.sciaticacheck.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.RulesService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links and the submissions clients consent to share. Only hashes of secrets reach
 * the database; every write is one transaction.
 */
@Service
public class ShareService {

	private final ShareLinkRepository links;

	private final SubmissionRepository submissions;

	private final StoredForm stored;

	private final RulesService rules;

	private final Clock clock;

	private final ShareSettings settings;

	ShareService(ShareLinkRepository links, SubmissionRepository submissions, StoredForm stored, RulesService rules,
			Clock clock, ShareSettings settings) {
		this.links = links;
		this.submissions = submissions;
		this.stored = stored;
		this.rules = rules;
		this.clock = clock;
		this.settings = settings;
	}

	/** A link just created, with the secrets that only its creator ever sees. */
	record CreatedLink(ShareLink link, String dashboardSecret, String clientSecret) {
	}

	/** A stored submission and the link it was shared through. */
	record SharedResult(ShareLink link, Submission submission) {
	}

	@Transactional
	CreatedLink create(String clinicName, String message, int days) {
		String dashboardSecret = Secrets.generate();
		String clientSecret = Secrets.clientSecretFor(dashboardSecret);
		Instant now = this.clock.instant();
		ShareLink link = this.links.save(new ShareLink(null, Secrets.hash(clientSecret), Secrets.hash(dashboardSecret),
				clinicName.strip(), blankToNull(message), days, now, now.plus(Duration.ofDays(days)), null));
		return new CreatedLink(link, dashboardSecret, clientSecret);
	}

	Optional<ShareLink> findForClient(String clientSecret) {
		return Secrets.looksValid(clientSecret) ? this.links.findByClientSecretHash(Secrets.hash(clientSecret))
				: Optional.empty();
	}

	Optional<ShareLink> findForDashboard(String dashboardSecret) {
		return Secrets.looksValid(dashboardSecret) ? this.links.findByDashboardSecretHash(Secrets.hash(dashboardSecret))
				: Optional.empty();
	}

	ShareLink.Status status(ShareLink link) {
		return link.status(this.clock.instant());
	}

	/**
	 * The day the link's data is deleted: when it stops taking answers, plus the grace.
	 */
	LocalDate retainedUntil(ShareLink link) {
		return LocalDate.ofInstant(link.acceptsUntil().plus(this.settings.retentionGrace()), ZoneOffset.UTC);
	}

	/**
	 * Newest first, with the ones that needed help now or today pinned to the top, then
	 * the ones that needed it this week.
	 */
	List<Submission> submissions(ShareLink link) {
		List<Submission> newestFirst = this.submissions.findByShareLinkIdOrderBySubmittedAtDescIdDesc(link.id());
		return Stream
			.of(newestFirst.stream().filter(Submission::pinned), newestFirst.stream().filter(Submission::thisWeek),
					newestFirst.stream().filter((s) -> !s.pinned() && !s.thisWeek()))
			.flatMap((part) -> part)
			.toList();
	}

	Optional<Submission> submission(ShareLink link, String publicId) {
		return Secrets.looksLikePublicId(publicId) ? this.submissions.findByPublicIdAndShareLinkId(publicId, link.id())
				: Optional.empty();
	}

	/**
	 * Stores what a client consented to share, if the link still accepts answers, and
	 * returns the secret of the client's private result link.
	 */
	@Transactional
	Optional<String> submit(ShareLink link, CheckOutcome outcome, String reference) {
		// read again, locked, inside the transaction: a link revoked or deleted a moment
		// ago
		// takes no answers, and one revoked or deleted now waits until this one is stored
		Optional<ShareLink> current = this.links.findLockedById(link.id());
		if (current.isEmpty() || status(current.get()) != ShareLink.Status.OPEN) {
			return Optional.empty();
		}
		String resultSecret = Secrets.generate();
		Assessment assessment = (outcome instanceof CheckOutcome.Assessed assessed) ? assessed.assessment() : null;
		String rulesVersion = (assessment != null) ? assessment.rulesVersion() : this.rules.table().version();
		this.submissions.save(new Submission(null, Secrets.publicId(), link.id(), Secrets.hash(resultSecret),
				blankToNull(reference), this.clock.instant(), rulesVersion, outcome.referral(), assessment != null,
				(assessment != null) ? assessment.level() : null, (assessment != null) ? assessment.score() : null,
				StoredForm.CURRENT_VERSION, this.stored.writeAnswers(outcome.answers()),
				this.stored.writeResult(rulesVersion, outcome)));
		return Optional.of(resultSecret);
	}

	Optional<SharedResult> findResult(String resultSecret) {
		if (!Secrets.looksValid(resultSecret)) {
			return Optional.empty();
		}
		return this.submissions.findByResultSecretHash(Secrets.hash(resultSecret))
			.flatMap((submission) -> this.links.findById(submission.shareLinkId())
				.map((link) -> new SharedResult(link, submission)));
	}

	@Transactional
	boolean deleteByResultSecret(String resultSecret) {
		Optional<SharedResult> found = findResult(resultSecret);
		found.ifPresent((shared) -> this.submissions.deleteById(shared.submission().id()));
		return found.isPresent();
	}

	@Transactional
	void revoke(ShareLink link) {
		this.links.revoke(link.id(), this.clock.instant());
	}

	@Transactional
	boolean deleteSubmission(ShareLink link, String publicId) {
		Optional<Submission> found = submission(link, publicId);
		found.ifPresent((submission) -> this.submissions.deleteById(submission.id()));
		return found.isPresent();
	}

	/**
	 * Deletes the link; its submissions go with it (cascade), in the same order as the
	 * purge.
	 */
	@Transactional
	void deleteLink(ShareLink link) {
		this.links.deleteById(link.id());
	}

	/**
	 * Deletes every link whose retention has ended, with its submissions. One idempotent
	 * statement, so several instances may run it at the same time.
	 */
	@Transactional
	public int purgeExpired() {
		return this.links.deleteRetainedUntil(this.clock.instant().minus(this.settings.retentionGrace()));
	}

	/** What the client saw, read back from its stored form. */
	CheckOutcome outcome(Submission submission) {
		return this.stored.readOutcome(submission);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
