package com.sciaticacheck.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP on a bare socket, for requests no HTTP client will send (a malformed request line)
 * and for bodies that are announced but never sent, to see whether the server answers
 * before reading them.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the bytes as they are and reads the response until the server closes the
	 * connection or stops sending for the given time.
	 * @return the response, or empty when nothing came back in time
	 */
	public static Optional<String> exchange(int port, byte[] request, Duration wait) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			socket.setSoTimeout((int) wait.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					response.write(buffer, 0, read);
				}
			}
			catch (SocketTimeoutException ex) {
				// an open connection: whatever came so far is the answer
			}
			catch (IOException ex) {
				// reset by the server after answering: keep what came
			}
			return (response.size() > 0) ? Optional.of(response.toString(StandardCharsets.ISO_8859_1))
					: Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The value of a header in a raw response's head, or empty. */
	public static Optional<String> header(String response, String name) {
		String head = response.split("\r\n\r\n", 2)[0];
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return Optional.of(line.substring(colon + 1).trim());
			}
		}
		return Optional.empty();
	}

	/** The status code of a raw response. */
	public static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

}
