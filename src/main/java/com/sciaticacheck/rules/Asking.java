package com.sciaticacheck.rules;

import java.util.List;

/**
 * How a check's answers were asked, which decides the questions taken and the answers
 * needed. The page asks the current questionnaire and needs what a physio following a
 * client wants at every check; the JSON API keeps taking the requests its clients wrote
 * before a question was added, so the questions added since are optional there. Only a
 * follow-up page asks how things changed since the last check: there is nothing to
 * compare with before.
 */
public enum Asking {

	/** Through the JSON API: every question taken, only its first version's needed. */
	BY_API,
	/** On the questionnaire page of a first check, such as the runner's own. */
	ON_PAGE,
	/** On the questionnaire page of a follow-up check. */
	ON_PAGE_AT_FOLLOW_UP;

	/** The questionnaire page of a check, a follow-up or not. */
	public static Asking onPage(boolean followUp) {
		return followUp ? ON_PAGE_AT_FOLLOW_UP : ON_PAGE;
	}

	/**
	 * Whether an answer to the question is taken at all: the page of a first check
	 * neither shows nor takes the follow-up question.
	 */
	public boolean asks(Question<?> question) {
		return this != ON_PAGE || question.requirement() != Question.Requirement.AT_FOLLOW_UP;
	}

	/** Whether an answer to the question is needed, with or without pain now. */
	public boolean needs(Question<?> question, boolean painNow) {
		return switch (question.requirement()) {
			case ALWAYS -> true;
			case OPTIONAL -> false;
			case WITH_PAIN -> painNow;
			case WITH_PAIN_ON_PAGE -> painNow && this != BY_API;
			case AT_FOLLOW_UP -> this == ON_PAGE_AT_FOLLOW_UP;
		};
	}

	/** The questions asked this way, in catalogue order. */
	public List<Question<?>> questions() {
		return Question.ALL.stream().filter(this::asks).toList();
	}

	/** The questions of one section asked this way, in catalogue order. */
	public List<Question<?>> questions(Question.Section section) {
		return section.questions().stream().filter(this::asks).toList();
	}

}
