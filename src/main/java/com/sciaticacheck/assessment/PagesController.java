package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RulesService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page and the public page that shows how scoring works. */
@Controller
class PagesController {

	private final RulesService rules;

	PagesController(RulesService rules) {
		this.rules = rules;
	}

	@GetMapping("/")
	String landing() {
		return "assessment/landing";
	}

	@GetMapping("/how-scoring-works")
	String howScoringWorks(Model model) {
		model.addAttribute("table", this.rules.table());
		// every tier, most urgent first, with the reasons that lead to it (none for NONE)
		Map<String, List<String>> tiers = new LinkedHashMap<>();
		List<Referral> mostUrgentFirst = new ArrayList<>(List.of(Referral.values()));
		Collections.reverse(mostUrgentFirst);
		mostUrgentFirst
			.forEach((tier) -> tiers.put(tier.name(), this.rules.reasonKeysByTier().getOrDefault(tier, List.of())));
		model.addAttribute("tiers", tiers);
		model.addAttribute("safetyNetKeys", RulesService.SAFETY_NET);
		return "assessment/how-scoring-works";
	}

}
