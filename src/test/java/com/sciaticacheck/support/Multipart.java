package com.sciaticacheck.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A multipart/form-data body as a browser sends it: fields, then files. */
public final class Multipart {

	private final String boundary = "----test" + Long.toHexString(System.nanoTime());

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	/** A file part's name, file name and content. */
	public record Part(String name, String fileName, byte[] content) {
	}

	public Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	/** Every field of a form as Browserless takes it, several values space-separated. */
	public Multipart fields(Map<String, List<String>> form) {
		form.forEach((name, values) -> values.forEach((value) -> field(name, value)));
		return this;
	}

	public Multipart file(String name, String fileName, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	public Multipart files(List<Part> parts) {
		parts.forEach((part) -> file(part.name(), part.fileName(), part.content()));
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	public byte[] bytes() {
		ByteArrayOutputStream done = new ByteArrayOutputStream();
		done.writeBytes(this.body.toByteArray());
		done.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return done.toByteArray();
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
