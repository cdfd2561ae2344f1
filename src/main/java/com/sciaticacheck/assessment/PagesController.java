package com.sciaticacheck.assessment;

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
		model.addAttribute("tiers", this.rules.reasonKeysByTier());
		model.addAttribute("safetyNetKeys", RulesService.SAFETY_NET);
		return "assessment/how-scoring-works";
	}

}
