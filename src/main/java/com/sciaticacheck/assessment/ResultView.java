package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Advice;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Referral;

import org.springframework.stereotype.Component;

/**
 * How a result's parts are arranged for reading, for the result fragments wherever they
 * are shown (the runner's result, a shared result, the physio's view): findings by group,
 * the self-care advice apart from the rest. Templates call it as {@code @resultView}.
 */
@Component("resultView")
public class ResultView {

	/**
	 * Findings of one group, the one that adds points first; {@code group} is null for
	 * findings scored under rules version 1, which had no groups.
	 */
	public record FindingGroup(Group group, List<Finding> findings) {

		public int points() {
			return this.findings.stream().mapToInt(Finding::points).sum();
		}

	}

	/**
	 * The findings by group in the order their groups first appear; findings of rules
	 * version 1 come as one group without a name, in their order.
	 */
	public List<FindingGroup> findingGroups(Assessment assessment) {
		Map<Group, List<Finding>> byGroup = new LinkedHashMap<>();
		List<Finding> ungrouped = new ArrayList<>();
		for (Finding finding : assessment.findings()) {
			if (finding.group() == null) {
				ungrouped.add(finding);
			}
			else {
				byGroup.computeIfAbsent(finding.group(), (group) -> new ArrayList<>()).add(finding);
			}
		}
		List<FindingGroup> groups = new ArrayList<>();
		byGroup.forEach((group, findings) -> {
			List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::addsPoints).toList());
			findings.stream().filter((finding) -> !finding.addsPoints()).forEach(ordered::add);
			groups.add(new FindingGroup(group, List.copyOf(ordered)));
		});
		if (!ungrouped.isEmpty()) {
			groups.add(new FindingGroup(null, List.copyOf(ungrouped)));
		}
		return groups;
	}

	/** NHS self-care advice, given with pain now; null when there is none. */
	public Advice selfCare(Assessment assessment) {
		return assessment.advice().stream().filter(Advice::selfCare).findFirst().orElse(null);
	}

	/** Advice that answers a finding. */
	public List<Advice> targetedAdvice(Assessment assessment) {
		return assessment.advice().stream().filter(Advice::answersFinding).toList();
	}

	/**
	 * General advice for every runner, without the self-care advice shown with symptoms.
	 */
	public List<Advice> generalAdvice(Assessment assessment) {
		return assessment.advice().stream().filter((advice) -> !advice.answersFinding() && !advice.selfCare()).toList();
	}

	/**
	 * Whether the score is shown as risk factors for future episodes, after the symptoms
	 * that decided the tier (clinical basis section 2).
	 */
	public boolean scoreForFutureEpisodes(Assessment assessment) {
		return assessment.referral().compareTo(Referral.ROUTINE) >= 0;
	}

	/** An advice's arguments as a message takes them. */
	public Object[] arguments(Advice advice) {
		return (advice.arguments() != null) ? advice.arguments().toArray() : new Object[0];
	}

}
