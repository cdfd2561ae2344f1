package com.sciaticacheck.training;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the XML readers' tests need to show that a file cannot make them read anything
 * else: a file holding a secret, and a server on this machine that counts every request
 * made to it. An external entity or DTD that pointed at either and was followed would
 * leave a trace: the secret in what the reader gave back, or a request counted.
 */
final class XmlAttack implements AutoCloseable {

	final String secret = "secret-" + UUID.randomUUID();

	final Path secretFile;

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	XmlAttack(Path folder) throws IOException {
		this.secretFile = folder.resolve("secret.txt");
		Files.writeString(this.secretFile, this.secret, StandardCharsets.UTF_8);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] body = ("<!ENTITY leak \"" + this.secret + "\">").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	/** The secret file as a URI an entity can name. */
	String fileUri() {
		return this.secretFile.toUri().toString();
	}

	/** An address on the counting server. */
	String httpUri(String path) {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort() + path;
	}

	/** The prolog of a document of this root that declares entities from both places. */
	String prolog(String root) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE " + root + " SYSTEM \"" + httpUri("/dtd")
				+ "\" [\n  <!ENTITY file SYSTEM \"" + fileUri() + "\">\n  <!ENTITY web SYSTEM \"" + httpUri("/entity")
				+ "\">\n]>\n";
	}

	/**
	 * Nothing was asked of the server and the secret is in nothing the reader gave back.
	 */
	void assertNotFollowed(Object given) {
		assertThat(this.requests).as("requests made to the entity's server").hasValue(0);
		List<String> texts = new ArrayList<>();
		texts.add(String.valueOf(given));
		if (given instanceof UnreadableFileException ex) {
			texts.add(List.of(ex.arguments()).toString());
		}
		for (Throwable cause = (given instanceof Throwable ex) ? ex : null; cause != null; cause = cause.getCause()) {
			texts.add(String.valueOf(cause.getMessage()));
		}
		assertThat(texts).noneMatch((text) -> text.contains(this.secret));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** A budget with the import's default limits. */
	static ImportBudget budget() {
		return budget(DataSize.ofMegabytes(200), 2000);
	}

	static ImportBudget budget(DataSize maxDecompressed, int maxActivities) {
		return new ImportBudget(new TrainingSettings(maxDecompressed, maxActivities, Duration.ofSeconds(30), 2));
	}

}
