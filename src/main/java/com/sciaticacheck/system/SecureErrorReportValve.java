package com.sciaticacheck.system;

import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any filter of the app runs: a request line
 * with a bad escape or a character it does not allow, a malformed header. Its error
 * report valve writes that 400 page; this one gives it the headers every page of the app
 * carries, with Boot's settings (no report, no server name) kept.
 */
class SecureErrorReportValve extends ErrorReportValve {

	/** The headers Spring Security writes on the app's own pages. */
	static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", PageSecurity.CONTENT_SECURITY_POLICY,
			"Permissions-Policy", PageSecurity.PERMISSIONS_POLICY, "Referrer-Policy", "no-referrer",
			"X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "X-XSS-Protection", "0", "Cache-Control",
			"no-cache, no-store, max-age=0, must-revalidate", "Pragma", "no-cache", "Expires", "0");

	SecureErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		// only a page this valve writes itself: the app's error pages have their headers
		if (response.getStatus() >= 400 && !response.isCommitted() && response.getContentWritten() == 0) {
			HEADERS.forEach(response::setHeader);
		}
		super.report(request, response, throwable);
	}

	/**
	 * Puts the valve in place of the one Boot adds to the host. Runs after Boot's own
	 * customizer, so its valve is there to replace.
	 */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(Installer::replace);
		}

		private static void replace(Context context) {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (host instanceof StandardHost standard) {
				// else the host adds Tomcat's own valve again when it starts
				standard.setErrorReportValveClass(SecureErrorReportValve.class.getName());
			}
			host.getPipeline().addValve(new SecureErrorReportValve());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
