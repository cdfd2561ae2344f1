package com.sciaticacheck.share;

import com.sciaticacheck.assessment.CheckFlow;
import com.sciaticacheck.assessment.CheckPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The client's private result link: their result, who it is shared with, when their next
 * check is due if their physio asked for follow-ups, and delete.
 */
@Controller
class ClientResultController {

	/**
	 * A stored result is shown as the check shows an outcome, with who sees it and the
	 * delete button on top.
	 */
	private static final CheckPage STORED_RESULT = new CheckPage("/assessment", "/assessment", null,
			"share/fragments :: sharedNotice", null, "result.disclaimer.shared", false);

	private final ShareService share;

	private final CheckFlow flow;

	private final Clients clients;

	ClientResultController(ShareService share, CheckFlow flow, Clients clients) {
		this.share = share;
		this.flow = flow;
		this.clients = clients;
	}

	@GetMapping("/r/{secret}")
	String result(@PathVariable String secret, Model model) {
		ShareService.SharedResult shared = this.share.findResult(secret).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("sharedWith", shared.link());
		model.addAttribute("retainedUntil", this.share.retainedUntil(shared.link()));
		model.addAttribute("deletePath", "/r/" + secret + "/delete");
		Submission submission = shared.submission();
		model.addAttribute("notSeenToday", submission.pinned());
		model.addAttribute("olderRules", submission.scoredByRulesVersionOne());
		// when the physio asked for follow-ups: the date of the next check
		model.addAttribute("nextCheck", this.clients.nextCheck(submission).orElse(null));
		this.flow.page(STORED_RESULT, model);
		return this.flow.show(this.share.outcome(submission), model);
	}

	@PostMapping("/r/{secret}/delete")
	String delete(@PathVariable String secret) {
		if (!this.share.deleteByResultSecret(secret)) {
			throw new LinkNotFoundException();
		}
		return "redirect:/answers-deleted";
	}

	/** After the delete, so reloading the page does not send it again. */
	@GetMapping("/answers-deleted")
	String deleted() {
		return "share/deleted";
	}

}
