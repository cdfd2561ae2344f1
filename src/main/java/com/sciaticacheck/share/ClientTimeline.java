package com.sciaticacheck.share;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;

/**
 * A client's checks as their physio follows them: each check's figures (the chart's
 * points, and the table beside it with the same figures), and what changed between the
 * last two: risk factors that appeared or went, the tier, and the running load.
 *
 * @param checks the client's checks, oldest first
 */
record ClientTimeline(List<Check> checks) {

	/** The load figures compared between the last two checks, in this order. */
	static final List<Question<Double>> LOAD = List.of(Question.WEEKLY_DISTANCE_KM,
			Question.BASELINE_WEEKLY_DISTANCE_KM, Question.LONGEST_RUN_KM, Question.BASELINE_LONGEST_RUN_KM);

	/**
	 * One check on the timeline.
	 *
	 * @param submission the stored answers and result
	 * @param tier the tier as the chart marks it: an urgent of rules version 1 meant
	 * "this week", and is marked so
	 * @param score the risk-factor score, null when the client stopped at the safety
	 * questions
	 * @param legPain leg pain on average over the last week, 0-10, null when not asked
	 * @param backPain back pain on average over the last week, 0-10, null when not asked
	 * @param findings the risk factors the check found, none when it stopped at the
	 * safety questions
	 * @param load the load figures in km, by question, those answered
	 */
	record Check(Submission submission, Referral tier, Integer score, Integer legPain, Integer backPain,
			List<Finding> findings, Map<Question<Double>, Double> load) {

		/** The day it was shared, in UTC. */
		public LocalDate date() {
			return submission().submittedAtUtc().toLocalDate();
		}

		TimelinePoint point() {
			return new TimelinePoint(date(), this.tier, this.score, this.legPain, this.backPain);
		}

		/**
		 * Whether it found risk factors to compare: not a stop at the safety questions.
		 */
		public boolean complete() {
			return submission().complete();
		}

	}

	/**
	 * A load figure before and after.
	 *
	 * @param question the figure's question, for its label
	 * @param before at the check before the last, or null when not answered
	 * @param after at the last check, or null when not answered
	 */
	record LoadChange(Question<Double> question, Double before, Double after) {
	}

	/**
	 * What changed between the last two checks.
	 *
	 * @param before the check before the last
	 * @param after the last check
	 * @param appeared risk factors the last check found and the one before did not
	 * @param went risk factors the check before found and the last did not
	 * @param comparable whether both checks went past the safety questions, so their risk
	 * factors can be compared
	 * @param load the load figures of both checks; empty when neither has any
	 */
	record Change(Check before, Check after, List<Finding> appeared, List<Finding> went, boolean comparable,
			List<LoadChange> load) {

		public boolean tierChanged() {
			return this.before.tier() != this.after.tier();
		}

	}

	/** The checks as the chart draws them, oldest first. */
	List<TimelinePoint> points() {
		return this.checks.stream().map(Check::point).toList();
	}

	/** What changed between the last two checks; null with fewer than two. */
	Change lastChange() {
		if (this.checks.size() < 2) {
			return null;
		}
		Check before = this.checks.get(this.checks.size() - 2);
		Check after = this.checks.get(this.checks.size() - 1);
		boolean comparable = before.complete() && after.complete();
		List<LoadChange> load = new ArrayList<>();
		for (Question<Double> question : LOAD) {
			Double was = before.load().get(question);
			Double is = after.load().get(question);
			if (was != null || is != null) {
				load.add(new LoadChange(question, was, is));
			}
		}
		return new Change(before, after, comparable ? missingFrom(before, after) : List.of(),
				comparable ? missingFrom(after, before) : List.of(), comparable, load);
	}

	/**
	 * The risk factors of {@code check} that {@code other} did not find, each rule once.
	 */
	private static List<Finding> missingFrom(Check other, Check check) {
		Map<String, Finding> byRule = new LinkedHashMap<>();
		check.findings().forEach((finding) -> byRule.putIfAbsent(finding.ruleId(), finding));
		other.findings().forEach((finding) -> byRule.remove(finding.ruleId()));
		return List.copyOf(byRule.values());
	}

}
