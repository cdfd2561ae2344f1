package com.sciaticacheck.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;

/**
 * The session cookie: {@code __Host-session}, Secure, over HTTPS (the prefix makes the
 * browser refuse it from any other host or path, or without Secure); {@code session} over
 * plain HTTP, where browsers refuse the prefix (the app on localhost). HttpOnly and
 * SameSite=Lax both ways. Each is read only over its own scheme, so a cookie set over
 * HTTP never counts over HTTPS.
 */
@Component
class SessionCookies implements CookieSerializer {

	static final String SECURE_NAME = "__Host-session";

	static final String PLAIN_NAME = "session";

	private final DefaultCookieSerializer secure = serializer(SECURE_NAME, true);

	private final DefaultCookieSerializer plain = serializer(PLAIN_NAME, false);

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		of(cookieValue.getRequest()).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return of(request).readCookieValues(request);
	}

	private DefaultCookieSerializer of(HttpServletRequest request) {
		return request.isSecure() ? this.secure : this.plain;
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setUseSecureCookie(secure);
		serializer.setSameSite("Lax");
		// the session id as it is, not base 64 of it: nothing else reads the cookie
		serializer.setUseBase64Encoding(false);
		return serializer;
	}

}
