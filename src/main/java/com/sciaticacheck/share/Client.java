package com.sciaticacheck.share;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * A physio's client, known to the app only by the label the physio gave them (initials or
 * the physio's own reference): the app never asks for a name, date of birth or contact
 * details. Checks the client shares through their personal link, and answers the physio
 * moves to them, make up their timeline.
 *
 * @param publicId names the client in clinic addresses and the access log; the numeric id
 * counts across every clinic
 * @param followUpWeeks how often the physio asks for a check, in weeks, or {@code null}
 * for no follow-up
 */
public record Client(@Id Long id, String publicId, Long accountId, String label, Integer followUpWeeks,
		Instant createdAt) {

	/** The follow-up intervals a physio can ask for, in weeks. */
	static final List<Integer> FOLLOW_UP_WEEKS = List.of(1, 2, 4);

	Client withId(Long id) {
		return new Client(id, this.publicId, this.accountId, this.label, this.followUpWeeks, this.createdAt);
	}

	/**
	 * The day the next check is due: the interval after the last check, or after the day
	 * the client was added while there is none; none without a follow-up.
	 * @param lastCheck the day of the client's last check, or {@code null}
	 */
	LocalDate nextCheckDue(LocalDate lastCheck) {
		if (this.followUpWeeks == null) {
			return null;
		}
		LocalDate from = (lastCheck != null) ? lastCheck : LocalDate.ofInstant(this.createdAt, ZoneOffset.UTC);
		return from.plusWeeks(this.followUpWeeks);
	}

}
