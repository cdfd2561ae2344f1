package com.sciaticacheck.account;

import java.time.ZoneOffset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access log page: what happened in the account, newest first, a page at a time, and
 * how long it is kept.
 */
@Controller
class ActivityPageController {

	static final int PAGE_SIZE = 50;

	private final AccessLog log;

	private final AccountSettings settings;

	ActivityPageController(AccessLog log, AccountSettings settings) {
		this.log = log;
		this.settings = settings;
	}

	/** Page 1 is the newest; a page past the last is not found, except an empty first. */
	@GetMapping("/clinic/account/activity")
	String activity(ClinicAccount account, @RequestParam(defaultValue = "1") int page, Model model) {
		int count = this.log.count(account.id());
		int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		if (page < 1 || page > pages) {
			throw new NotInAccountException();
		}
		model.addAttribute("events", this.log.newestFirst(account.id(), PAGE_SIZE, (page - 1) * PAGE_SIZE));
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("keptMonths", keptMonths());
		model.addAttribute("utc", ZoneOffset.UTC);
		return "account/activity";
	}

	/** The retention in whole months, as people say it: 365 days are 12 months. */
	private long keptMonths() {
		return Math.max(1, Math.round(this.settings.accessLogRetention().toDays() / (365.25 / 12)));
	}

}
