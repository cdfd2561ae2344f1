package com.sciaticacheck.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The files of a multipart request, as {@link UploadedFile}s in memory. */
public final class UploadedFiles {

	/** How many files one import may have; a year of daily runs is 365. */
	public static final int MAX_FILES = 1000;

	private UploadedFiles() {
	}

	/**
	 * The files of the parts named {@code files}, leaving out the empty part a browser
	 * sends when no file was chosen.
	 */
	public static List<UploadedFile> of(MultipartHttpServletRequest request) throws IOException {
		List<UploadedFile> files = new ArrayList<>();
		for (MultipartFile part : request.getMultiFileMap().getOrDefault(TrainingUploads.FILES, List.of())) {
			boolean unchosen = part.isEmpty()
					&& (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty());
			if (!unchosen) {
				files.add(new UploadedFile(part.getOriginalFilename(), part.getBytes()));
			}
		}
		return files;
	}

	/** The names of file parts other than {@code files}, and of fields not allowed. */
	static Set<String> unknownNames(MultipartHttpServletRequest request, Set<String> allowed) {
		Set<String> unknown = new TreeSet<>();
		request.getMultiFileMap()
			.keySet()
			.stream()
			.filter((name) -> !name.equals(TrainingUploads.FILES))
			.forEach(unknown::add);
		request.getParameterMap().keySet().stream().filter((name) -> !allowed.contains(name)).forEach(unknown::add);
		return unknown;
	}

}
