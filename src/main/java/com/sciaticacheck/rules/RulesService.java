package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a runner's answers against the rule table and decides the referral tier. Plain
 * Java: deterministic, no clock, no I/O, safe to share between threads.
 *
 * <p>
 * Hit policy: every rule whose condition holds adds its points (collect and sum); the
 * score is that sum, capped at 100; the level is the highest band the score reaches.
 */
public class RulesService {

	static final int MAX_SCORE = 100;

	/** Pain lasting this many weeks or more is persistent: see a professional. */
	public static final int PERSISTENT_PAIN_WEEKS = Triage.PERSISTENT_PAIN_WEEKS;

	/** Pain rated this high or higher, out of 10, is severe: see a professional. */
	public static final int SEVERE_PAIN = Triage.SEVERE_PAIN;

	private final RuleTable table;

	public RulesService(RuleTable table) {
		this.table = table;
	}

	public RuleTable table() {
		return this.table;
	}

	public Assessment assess(Answers answers) {
		List<Finding> findings = new ArrayList<>();
		int points = 0;
		for (Rule rule : this.table.rules()) {
			if (rule.matches(answers)) {
				findings.add(Finding.of(rule));
				points += rule.points();
			}
		}
		int score = Math.min(points, MAX_SCORE);
		Triage.Decision triage = Triage.decide(answers);
		return new Assessment(this.table.version(), score, this.table.levelFor(score), triage.referral(),
				triage.reasonKeys(), findings, advice(findings));
	}

	/**
	 * The reasons for the emergency tier in the safety answers alone, so the safety step
	 * can stop before the rest of the questionnaire; empty when there is none.
	 */
	public List<String> emergencyReasons(Set<WarningSign> signs, Pain pain) {
		// the same decision as the emergency tier of a full assessment: one place decides
		return Triage.emergencyReasons(signs, pain);
	}

	/**
	 * Advice answering each finding, once each in finding order, then the general advice.
	 */
	private List<Advice> advice(List<Finding> findings) {
		Map<String, Advice> advice = new LinkedHashMap<>();
		for (Finding finding : findings) {
			advice.putIfAbsent(finding.adviceKey(), new Advice(finding.adviceKey(), finding.source(), true));
		}
		for (GeneralAdvice general : this.table.generalAdvice()) {
			advice.putIfAbsent(general.adviceKey(), new Advice(general.adviceKey(), general.source(), false));
		}
		return List.copyOf(advice.values());
	}

}
