package com.sciaticacheck.share;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sciaticacheck.account.ClinicAccount;
import com.sciaticacheck.system.Tokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's clients: adding one with their personal link, their checks in time order,
 * follow-ups and when they are due, moving an answer from a clinic-wide link onto a
 * client's timeline, and deleting a client with everything of theirs. Every look-up is by
 * account: another account's client is not found.
 */
@Service
class Clients {

	private final ClientRepository clients;

	private final SubmissionRepository submissions;

	private final ShareLinkRepository links;

	private final ShareService share;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Clients(ClientRepository clients, SubmissionRepository submissions, ShareLinkRepository links, ShareService share,
			JdbcTemplate jdbc, Clock clock) {
		this.clients = clients;
		this.submissions = submissions;
		this.links = links;
		this.share = share;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A client with how many checks they have shared, when the last came, and when the
	 * next is due.
	 *
	 * @param nextCheckDue null without a follow-up
	 * @param overdue whether the next check was due before today
	 */
	record ClientStatus(Client client, int checks, LocalDate lastCheck, LocalDate nextCheckDue, boolean overdue) {
	}

	/** When a client's next check is due, and where they start it. */
	record NextCheck(int weeks, LocalDate due, String startPath) {
	}

	/** What became of a move of an answer onto a client's timeline. */
	enum Move {

		MOVED, NOT_FOUND, ALREADY_ON_A_TIMELINE

	}

	/**
	 * Adds a client under the label, with their personal link, headed by the account's
	 * name; empty when the account has a client of that label already.
	 */
	@Transactional
	Optional<Client> add(ClinicAccount account, ClientForm form) {
		if (this.clients.existsByAccountIdAndLabel(account.id(), form.label())) {
			return Optional.empty();
		}
		Client client = this.clients.save(new Client(null, Tokens.publicId(), account.id(), form.label(),
				form.followUpWeeks(), this.clock.instant()));
		this.share.create(account.id(), account.displayName(), null, form.days(), client.id());
		return Optional.of(client);
	}

	/** The account's client with this public id; another account's is not found. */
	Optional<Client> client(long accountId, String publicId) {
		return Tokens.looksLikePublicId(publicId) ? this.clients.findByPublicIdAndAccountId(publicId, accountId)
				: Optional.empty();
	}

	/** The account's client with this numeric id, as a submission names it. */
	Optional<Client> clientById(long accountId, long id) {
		return this.clients.findById(id).filter((client) -> client.accountId() == accountId);
	}

	/** The account's clients by label, each with their checks and follow-up. */
	List<ClientStatus> statuses(long accountId) {
		Map<Long, Object[]> checks = new HashMap<>();
		this.jdbc.query(
				"select s.client_id, count(*), max(s.submitted_at) from submission s join client c on c.id = s.client_id "
						+ "where c.account_id = ? group by s.client_id",
				(rs) -> {
					checks.put(rs.getLong(1), new Object[] { rs.getInt(2), rs.getTimestamp(3) });
				}, accountId);
		LocalDate today = today();
		return this.clients.findByAccountIdOrderByLabel(accountId).stream().map((client) -> {
			Object[] found = checks.get(client.id());
			int count = (found != null) ? (int) found[0] : 0;
			LocalDate last = (found != null) ? day(((Timestamp) found[1]).toInstant()) : null;
			LocalDate due = client.nextCheckDue(last);
			return new ClientStatus(client, count, last, due, due != null && due.isBefore(today));
		}).toList();
	}

	/**
	 * The account's clients whose next check was due before today, the longest overdue
	 * first.
	 */
	List<ClientStatus> overdue(long accountId) {
		return statuses(accountId).stream()
			.filter(ClientStatus::overdue)
			.sorted(Comparator.comparing(ClientStatus::nextCheckDue))
			.toList();
	}

	/** The client's status, as the list shows it. */
	ClientStatus status(Client client) {
		List<Submission> checks = checks(client);
		LocalDate last = checks.isEmpty() ? null : day(checks.get(checks.size() - 1).submittedAt());
		LocalDate due = client.nextCheckDue(last);
		return new ClientStatus(client, checks.size(), last, due, due != null && due.isBefore(today()));
	}

	/** The labels of the account's clients by id, for naming them in lists. */
	Map<Long, String> labels(long accountId) {
		Map<Long, String> labels = new HashMap<>();
		this.clients.findByAccountIdOrderByLabel(accountId)
			.forEach((client) -> labels.put(client.id(), client.label()));
		return labels;
	}

	/** The client's personal link: the newest, if it has not been deleted. */
	Optional<ShareLink> link(Client client) {
		return this.links.findByClientIdOrderByCreatedAtDescIdDesc(client.id()).stream().findFirst();
	}

	/** A new personal link for a client whose link has ended or was closed. */
	@Transactional
	ShareLink newLink(ClinicAccount account, Client client, int days) {
		return this.share.create(account.id(), account.displayName(), null, days, client.id());
	}

	/** The client's checks, oldest first. */
	List<Submission> checks(Client client) {
		return this.submissions.findByClientIdOrderBySubmittedAtAscIdAsc(client.id());
	}

	@Transactional
	void setFollowUp(Client client, Integer weeks) {
		this.clients.setFollowUpWeeks(client.id(), weeks);
	}

	/**
	 * Deletes the client, their links and every check on their timeline, those moved from
	 * a clinic-wide link too (cascade).
	 */
	@Transactional
	void delete(Client client) {
		this.clients.deleteById(client.id());
	}

	/**
	 * Puts one of the account's answers on one of its clients' timelines. An answer on a
	 * timeline already stays where it is.
	 */
	@Transactional
	Move move(long accountId, String submissionId, String clientId) {
		Optional<Submission> submission = this.share.submission(accountId, submissionId);
		Optional<Client> client = client(accountId, clientId);
		if (submission.isEmpty() || client.isEmpty()) {
			return Move.NOT_FOUND;
		}
		return (this.submissions.moveToClient(submission.get().id(), client.get().id()) == 1) ? Move.MOVED
				: Move.ALREADY_ON_A_TIMELINE;
	}

	/**
	 * Whether a check through this link is a follow-up: the link is a client's, and a
	 * check of theirs is on their timeline already.
	 */
	boolean followUp(ShareLink link) {
		return link.clientId() != null && this.submissions.existsByClientId(link.clientId());
	}

	/**
	 * When the client of a stored check is to do the next one, if their physio asked for
	 * follow-ups: the interval after their last check. Started through their link while
	 * it is open.
	 */
	Optional<NextCheck> nextCheck(Submission submission) {
		if (submission.clientId() == null) {
			return Optional.empty();
		}
		Optional<Client> client = this.clients.findById(submission.clientId());
		if (client.isEmpty() || client.get().followUpWeeks() == null) {
			return Optional.empty();
		}
		LocalDate last = this.submissions.findFirstByClientIdOrderBySubmittedAtDescIdDesc(client.get().id())
			.map((check) -> day(check.submittedAt()))
			.orElse(null);
		LocalDate due = client.get().nextCheckDue(last);
		String startPath = link(client.get()).filter((link) -> this.share.status(link) == ShareLink.Status.OPEN)
			.map((link) -> "/c/" + link.clientSecret() + "/assessment")
			.orElse(null);
		return Optional.of(new NextCheck(client.get().followUpWeeks(), due, startPath));
	}

	/** Today, by the app's clock, in UTC as every date of the clinic's pages. */
	LocalDate today() {
		return day(this.clock.instant());
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
