package com.sciaticacheck.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The part of a client's address that limits count: an IPv4 address as it is, an IPv6
 * address by its /64 prefix, because one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every request. The address is the one the server
 * sees ({@code ServletRequest.getRemoteAddr()}): a proxy's {@code X-Forwarded-For} counts
 * only when the app is told to trust it ({@code server.forward-headers-strategy}).
 */
public final class ClientAddress {

	/** Only literal addresses are parsed, so nothing here ever asks DNS. */
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private ClientAddress() {
	}

	public static String key(String remoteAddress) {
		if (remoteAddress == null) {
			// a request without an address (a test, an odd connector) shares one bucket
			return "unknown";
		}
		String address = remoteAddress.strip();
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if (!address.contains(":") || !LITERAL.matcher(address).matches()) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 4) {
				// an IPv4 address written as IPv6 (::ffff:192.0.2.1) is that IPv4 address
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
