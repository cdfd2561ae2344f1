package com.sciaticacheck.assessment;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The runner's own check: the steps of {@link CheckFlow}, and the outcome shown at once.
 * Nothing is stored: answers travel in the form posts and the result is rendered from the
 * last one.
 */
@Controller
@RequestMapping(AssessmentController.PATH)
class AssessmentController implements CheckHost {

	static final String PATH = "/assessment";

	/**
	 * The runner's own check: nothing is kept to follow up, so it is never a follow-up.
	 */
	private static final CheckPage PAGE = new CheckPage(PATH, PATH, null, null, "assessment/emergency :: notStored",
			CheckPage.DISCLAIMER, false);

	private final CheckFlow flow;

	AssessmentController(CheckFlow flow) {
		this.flow = flow;
	}

	@Override
	public CheckPage page() {
		return PAGE;
	}

	@Override
	public String conclude(CheckOutcome outcome, Model model) {
		return this.flow.show(outcome, model);
	}

	@GetMapping
	String safetyStep(Model model) {
		return this.flow.start(this, model);
	}

	@PostMapping("/safety")
	String checkSafety(HttpServletRequest request, Model model) {
		return this.flow.checkSafety(this, request.getParameterMap(), model);
	}

	@PostMapping("/result")
	String result(HttpServletRequest request, Model model) {
		return this.flow.submitQuestionnaire(this, request.getParameterMap(), model);
	}

	@PostMapping("/edit")
	String edit(HttpServletRequest request, Model model) {
		return this.flow.edit(this, request.getParameterMap(), model);
	}

	@PostMapping("/import")
	String importTraining(HttpServletRequest request, Model model) {
		return this.flow.importTraining(this, request, model);
	}

	/** Refreshing or bookmarking a step's address starts the check again from the top. */
	@GetMapping({ "/safety", "/result", "/edit", "/import" })
	String restart() {
		return "redirect:" + PATH;
	}

}
