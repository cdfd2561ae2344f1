package com.sciaticacheck.training;

/**
 * One file as the runner sent it, held in memory for the length of the request.
 *
 * @param name the name it came with, shown back to the runner (never a path on the
 * server)
 * @param content its bytes
 */
public record UploadedFile(String name, byte[] content) {

	public UploadedFile {
		name = FileNames.displayName(name);
	}

}
