package com.sciaticacheck.assessment;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.training.ImportLimitException;
import com.sciaticacheck.training.TrainingImport;
import com.sciaticacheck.training.TrainingSummary;
import com.sciaticacheck.training.TrainingUploads;
import com.sciaticacheck.training.UploadedFile;
import com.sciaticacheck.training.UploadedFiles;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The questionnaire's import step: the runner's training files, posted with every answer
 * typed so far, fill in the four load questions in the runner's unit, and the page comes
 * back with all the other answers as they were. Nothing is checked yet: the runner is
 * part-way through.
 */
@Component
class TrainingImportStep {

	/** Where a file problem is shown: the file input's own name and id. */
	private static final String FILES = TrainingUploads.FILES;

	private final TrainingImport training;

	TrainingImportStep(TrainingImport training) {
		this.training = training;
	}

	/**
	 * Reads the files into the form, or says next to the file input why it could not.
	 * @param asking the page the form is on
	 */
	QuestionnaireForm read(HttpServletRequest request, Model model, Asking asking) {
		Map<String, String[]> parameters = request.getParameterMap();
		List<UploadedFile> files;
		try {
			files = (request instanceof MultipartHttpServletRequest multipart) ? UploadedFiles.of(multipart)
					: List.of();
		}
		catch (IOException ex) {
			return withProblem(parameters, asking, "training.problem.unreadableUpload");
		}
		if (files.isEmpty()) {
			return withProblem(parameters, asking, "training.problem.noFile");
		}
		if (files.size() > UploadedFiles.MAX_FILES) {
			return withProblem(parameters, asking, "training.problem.tooManyFiles", UploadedFiles.MAX_FILES);
		}
		String[] zoneGiven = parameters.get(TrainingUploads.TIME_ZONE);
		ZoneId zone = zone(zoneGiven);
		QuestionnaireForm typed = QuestionnaireForm.resumed(parameters, FormErrors.none(), asking);
		DistanceUnit unit = typed.unitOrKm();
		TrainingSummary summary;
		try {
			summary = this.training.read(files, zone);
		}
		catch (ImportLimitException ex) {
			return withProblem(parameters, asking, ex.limit().messageKey(), ex.arguments());
		}
		model.addAttribute("trainingImport",
				TrainingImportView.of(summary, unit, !zone.equals(ZoneOffset.UTC) || isUtc(zoneGiven)));
		if (!summary.anyRunRead()) {
			return QuestionnaireForm.resumed(parameters,
					new FormErrors.Builder().field(FILES, "training.problem.noRuns").build(List.of(FILES)), asking);
		}
		return QuestionnaireForm.resumed(filledIn(parameters, summary, unit), FormErrors.none(), asking);
	}

	/** The answers with the four load figures replaced, in the runner's unit. */
	private static Map<String, String[]> filledIn(Map<String, String[]> parameters, TrainingSummary summary,
			DistanceUnit unit) {
		Map<String, String[]> filled = new HashMap<>(parameters);
		filled.put(QuestionnaireForm.UNIT, new String[] { unit.name() });
		put(filled, Question.WEEKLY_DISTANCE_KM, summary.weeklyMetres(), unit);
		put(filled, Question.BASELINE_WEEKLY_DISTANCE_KM, summary.baselineWeeklyMetres(), unit);
		put(filled, Question.LONGEST_RUN_KM, summary.longestMetres(), unit);
		put(filled, Question.BASELINE_LONGEST_RUN_KM, summary.baselineLongestMetres(), unit);
		return filled;
	}

	/** A figure rounded once, from the metres, to a tenth in the runner's unit. */
	private static void put(Map<String, String[]> filled, Question<Double> question, double metres, DistanceUnit unit) {
		filled.put(question.pageName(), new String[] { TrainingImportView.figure(metres / 1000, unit, 1) });
	}

	private static QuestionnaireForm withProblem(Map<String, String[]> parameters, Asking asking, String key,
			Object... arguments) {
		return QuestionnaireForm.resumed(parameters,
				new FormErrors.Builder().field(FILES, key, arguments).build(List.of(FILES)), asking);
	}

	/**
	 * The runner's time zone as their browser gave it (a script fills it in), else UTC:
	 * the page says which was used.
	 */
	private static ZoneId zone(String[] given) {
		if (given == null || given.length != 1 || given[0].isBlank() || given[0].length() > 64) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(given[0].strip());
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	private static boolean isUtc(String[] given) {
		return given != null && given.length == 1 && (given[0].equals("UTC") || given[0].equals("Etc/UTC"));
	}

}
