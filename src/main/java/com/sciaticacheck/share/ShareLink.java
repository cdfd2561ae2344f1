package com.sciaticacheck.share;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.annotation.Id;

/**
 * A physio's link: the client link accepts answers until {@code acceptsUntil} unless it
 * is revoked; the link and its submissions are deleted when retention ends.
 *
 * <p>
 * Every link made now belongs to an account ({@code accountId}), is named in clinic
 * addresses by its random {@code publicId}, and keeps its {@code clientSecret} so its
 * page can show the client link again (that secret only lets someone answer the
 * questionnaire). A link made before accounts has neither until it is claimed: only its
 * {@code dashboardSecretHash}, which claiming clears.
 *
 * <p>
 * A client's personal link names the client ({@code clientId}): what is shared through it
 * lands on that client's timeline. A clinic-wide link, such as a waiting room's QR code,
 * names none.
 */
public record ShareLink(@Id Long id, String clientSecretHash, String dashboardSecretHash, String clinicName,
		String message, int days, Instant createdAt, Instant acceptsUntil, Instant revokedAt, Long accountId,
		String publicId, String clientSecret, Long clientId) {

	public enum Status {

		OPEN, REVOKED, EXPIRED

	}

	ShareLink withId(Long id) {
		return new ShareLink(id, this.clientSecretHash, this.dashboardSecretHash, this.clinicName, this.message,
				this.days, this.createdAt, this.acceptsUntil, this.revokedAt, this.accountId, this.publicId,
				this.clientSecret, this.clientId);
	}

	/** The last day it accepts answers, in UTC, for pages. */
	public LocalDate acceptsUntilUtc() {
		return LocalDate.ofInstant(this.acceptsUntil, ZoneOffset.UTC);
	}

	public Status status(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		return now.isBefore(this.acceptsUntil) ? Status.OPEN : Status.EXPIRED;
	}

}
