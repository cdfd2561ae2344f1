package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a runner's answers against the rule table and decides the referral tier. Plain
 * Java: deterministic, no clock, no I/O, safe to share between threads.
 *
 * <p>
 * Hit policy: every rule whose condition holds is a finding; within a group only the
 * highest-scoring finding (the first in table order on a tie) adds its points, and the
 * others are counted with it. The score is the sum, capped at 100; the level is the
 * highest band the score reaches. Only risk factors score: the safety check, pain,
 * symptoms and warning signs decide the tier alone.
 */
public class RulesService {

	static final int MAX_SCORE = 100;

	/**
	 * The signs that mean A&amp;E at once if they start, as message keys: on every
	 * result.
	 */
	public static final List<String> SAFETY_NET = Triage.SAFETY_NET;

	private static final String SELF_CARE_SOURCE = "nhs.uk, Sciatica (how you can ease sciatica yourself)";

	private final RuleTable table;

	public RulesService(RuleTable table) {
		this.table = table;
	}

	public RuleTable table() {
		return this.table;
	}

	public Assessment assess(Answers answers) {
		Map<Group, Rule> winners = new HashMap<>();
		List<Rule> matched = new ArrayList<>();
		for (Rule rule : this.table.rules()) {
			if (rule.matches(answers)) {
				matched.add(rule);
				winners.merge(rule.group(), rule, (best, next) -> (next.points() > best.points()) ? next : best);
			}
		}
		List<Finding> findings = new ArrayList<>();
		int points = 0;
		for (Rule rule : matched) {
			Rule winner = winners.get(rule.group());
			if (winner == rule) {
				findings.add(Finding.counted(rule));
				points += rule.points();
			}
			else {
				findings.add(Finding.countedWith(rule, winner));
			}
		}
		int score = Math.min(points, MAX_SCORE);
		Triage.Decision triage = Triage.decide(answers);
		return new Assessment(this.table.version(), score, this.table.levelFor(score), triage.referral(),
				triage.reasonKeys(), findings, advice(answers, triage.referral(), matched));
	}

	/**
	 * The reasons for the emergency tier in the safety check's answers alone, so the
	 * safety step can stop before the rest of the questionnaire; empty when there is
	 * none.
	 */
	public List<String> safetyReasons(Map<Question<?>, ?> safetyAnswers) {
		// the same decision as the emergency tier of a full assessment: one place decides
		return Triage.safetyReasons(safetyAnswers);
	}

	/**
	 * Every tier, most urgent first, with every reason it can give in the order they are
	 * given.
	 */
	public Map<Referral, List<String>> reasonKeysByTier() {
		return Triage.reasonKeysByTier();
	}

	/**
	 * NHS self-care first when there is pain, then advice answering each finding (once
	 * each, in finding order, with the runner's own numbers), then the general advice.
	 */
	private List<Advice> advice(Answers answers, Referral referral, List<Rule> matched) {
		Map<String, Advice> advice = new LinkedHashMap<>();
		if (answers.get(Question.PAIN).present()) {
			// "most sciatica gets better within weeks" must not read as permission to
			// wait
			// when the tier says today or this week
			String selfCare = (referral.compareTo(Referral.SOON) >= 0) ? Advice.SELF_CARE_AFTER_HELP : Advice.SELF_CARE;
			advice.put(selfCare, new Advice(selfCare, SELF_CARE_SOURCE, false));
		}
		for (Rule rule : matched) {
			advice.putIfAbsent(rule.adviceKey(),
					new Advice(rule.adviceKey(), rule.source(), true, rule.measure().adviceArguments(answers)));
		}
		for (GeneralAdvice general : this.table.generalAdvice()) {
			advice.putIfAbsent(general.adviceKey(), new Advice(general.adviceKey(), general.source(), false));
		}
		return List.copyOf(advice.values());
	}

}
