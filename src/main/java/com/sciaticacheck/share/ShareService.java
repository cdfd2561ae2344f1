package com.sciaticacheck.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.sciaticacheck.system.Tokens;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.RulesService;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	ShareService(ShareLinkRepository links, SubmissionRepository submissions, StoredForm stored, RulesService rules,
			Clock clock, ShareSettings settings, ApplicationEventPublisher events) {
		this.events = events;
		this.links = links;
		this.submissions = submissions;
		this.stored = stored;
		this.rules = rules;
		this.clock = clock;
		this.settings = settings;
	}

	/** A stored submission and the link it was shared through. */
	record SharedResult(ShareLink link, Submission submission) {
	}

	/** One page of answers, 0-based, with how many there are in all. */
	record Page(List<Submission> submissions, int number, long total) {

		static final int SIZE = 25;

		public int pages() {
			return (int) Math.max(1, (this.total + SIZE - 1) / SIZE);
		}

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < pages();
		}

	}

	/** A new link of the account, open for the given number of days. */
	@Transactional
	ShareLink create(long accountId, String clinicName, String message, int days) {
		return create(accountId, clinicName, message, days, null);
	}

	/**
	 * A new link of the account, open for the given number of days; a client's personal
	 * link when {@code clientId} is given.
	 */
	@Transactional
	ShareLink create(long accountId, String clinicName, String message, int days, Long clientId) {
		String clientSecret = Tokens.generate();
		Instant now = this.clock.instant();
		return this.links
			.save(new ShareLink(null, Tokens.hash(clientSecret), null, clinicName.strip(), blankToNull(message), days,
					now, now.plus(Duration.ofDays(days)), null, accountId, Tokens.publicId(), clientSecret, clientId));
	}

	/** The account's links, newest first. */
	List<ShareLink> links(long accountId) {
		return this.links.findByAccountIdOrderByCreatedAtDescIdDesc(accountId);
	}

	/** The account's link with this public id; another account's is not found. */
	Optional<ShareLink> link(long accountId, String publicId) {
		return Tokens.looksLikePublicId(publicId) ? this.links.findByPublicIdAndAccountId(publicId, accountId)
				: Optional.empty();
	}

	/**
	 * A link made before accounts, by its old dashboard secret, while nobody claimed it.
	 */
	Optional<ShareLink> findUnclaimed(String dashboardSecret) {
		return findForDashboard(dashboardSecret).filter((link) -> link.accountId() == null);
	}

	/**
	 * Adds a link made before accounts to the account; its old address stops working. The
	 * client link stays the same, so printed QR codes keep working.
	 */
	@Transactional
	Optional<ShareLink> claim(String dashboardSecret, long accountId) {
		Optional<ShareLink> unclaimed = findUnclaimed(dashboardSecret);
		if (unclaimed.isEmpty()) {
			return Optional.empty();
		}
		String publicId = Tokens.publicId();
		int claimed = this.links.claim(unclaimed.get().id(), accountId, publicId,
				Secrets.clientSecretFor(dashboardSecret));
		return (claimed == 1) ? this.links.findById(unclaimed.get().id()) : Optional.empty();
	}

	/** One page of every answer shared with the account, in triage order. */
	Page page(long accountId, int number) {
		long total = this.submissions.countForAccount(accountId);
		int clamped = clamp(number, total);
		return new Page(this.submissions.pageForAccount(accountId, Page.SIZE, (long) clamped * Page.SIZE), clamped,
				total);
	}

	/** One page of the answers shared through the link, in triage order. */
	Page page(ShareLink link, int number) {
		long total = this.submissions.countByShareLinkId(link.id());
		int clamped = clamp(number, total);
		return new Page(this.submissions.pageForLink(link.id(), Page.SIZE, (long) clamped * Page.SIZE), clamped, total);
	}

	private static int clamp(int number, long total) {
		int last = (int) Math.max(0, (total - 1) / Page.SIZE);
		return Math.max(0, Math.min(number, last));
	}

	/** Every answer shared with the account, in triage order. */
	List<Submission> allSubmissions(long accountId) {
		return this.submissions.allForAccount(accountId);
	}

	/** The account's submission with this public id; another account's is not found. */
	Optional<Submission> submission(long accountId, String publicId) {
		return Tokens.looksLikePublicId(publicId) ? this.submissions.findForAccount(publicId, accountId)
				: Optional.empty();
	}

	@Transactional
	boolean deleteSubmission(long accountId, String publicId) {
		Optional<Submission> found = submission(accountId, publicId);
		found.ifPresent((submission) -> this.submissions.deleteById(submission.id()));
		return found.isPresent();
	}

	/** The link a submission came through. */
	ShareLink linkOf(Submission submission) {
		return this.links.findById(submission.shareLinkId()).orElseThrow();
	}

	Instant now() {
		return this.clock.instant();
	}

	/** When each answer of the link came, oldest first. */
	List<Instant> submittedTimes(ShareLink link) {
		return this.submissions.submittedTimes(link.id());
	}

	/** Deletes the link's answers that came between the two times, both included. */
	@Transactional
	int deleteBetween(ShareLink link, Instant from, Instant to) {
		return this.submissions.deleteBetween(link.id(), from, to);
	}

	Optional<ShareLink> findForClient(String clientSecret) {
		return Tokens.looksValid(clientSecret) ? this.links.findByClientSecretHash(Tokens.hash(clientSecret))
				: Optional.empty();
	}

	Optional<ShareLink> findForDashboard(String dashboardSecret) {
		return Tokens.looksValid(dashboardSecret) ? this.links.findByDashboardSecretHash(Tokens.hash(dashboardSecret))
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
		String resultSecret = Tokens.generate();
		Assessment assessment = (outcome instanceof CheckOutcome.Assessed assessed) ? assessed.assessment() : null;
		String rulesVersion = (assessment != null) ? assessment.rulesVersion() : this.rules.table().version();
		Submission saved = this.submissions
			.save(new Submission(null, Tokens.publicId(), link.id(), Tokens.hash(resultSecret), blankToNull(reference),
					this.clock.instant(), rulesVersion, outcome.referral(), assessment != null,
					(assessment != null) ? assessment.level() : null, (assessment != null) ? assessment.score() : null,
					StoredForm.CURRENT_VERSION, this.stored.writeAnswers(outcome.answers()),
					this.stored.writeResult(rulesVersion, outcome), current.get().clientId()));
		// stored with the submission in this transaction, and handled only once it
		// commits (alerts): a result told to get help now or today alerts the link's
		// account
		if (saved.pinned() && current.get().accountId() != null) {
			this.events.publishEvent(new UrgentResultShared(saved.id(), current.get().accountId()));
		}
		return Optional.of(resultSecret);
	}

	Optional<SharedResult> findResult(String resultSecret) {
		if (!Tokens.looksValid(resultSecret)) {
			return Optional.empty();
		}
		return this.submissions.findByResultSecretHash(Tokens.hash(resultSecret))
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
