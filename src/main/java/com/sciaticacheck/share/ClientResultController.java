package com.sciaticacheck.share;

import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Referral;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The client's private result link: their result, who it is shared with, and delete. */
@Controller
class ClientResultController {

	private final ShareService share;

	ClientResultController(ShareService share) {
		this.share = share;
	}

	@GetMapping("/r/{secret}")
	String result(@PathVariable String secret, Model model) {
		ShareService.SharedResult shared = this.share.findResult(secret).orElseThrow(LinkNotFoundException::new);
		Assessment assessment = this.share.assessment(shared.submission());
		model.addAttribute("sharedWith", shared.link());
		model.addAttribute("retainedUntil", this.share.retainedUntil(shared.link()));
		model.addAttribute("deletePath", "/r/" + secret + "/delete");
		model.addAttribute("basePath", "/assessment");
		if (assessment.referral() == Referral.EMERGENCY) {
			model.addAttribute("reasonKeys", assessment.referralReasonKeys());
			return "assessment/emergency";
		}
		model.addAttribute("assessment", assessment);
		return "assessment/result";
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
