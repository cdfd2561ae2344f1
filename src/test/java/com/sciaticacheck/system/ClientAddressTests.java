package com.sciaticacheck.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void countsAnIpv4AddressAsItIs() {
		assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(ClientAddress.key("192.0.2.1")).isNotEqualTo(ClientAddress.key("192.0.2.2"));
	}

	@Test
	void countsAnIpv6AddressByItsSlash64() {
		String key = ClientAddress.key("2001:db8:1:2::1");
		assertThat(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(key);
		assertThat(ClientAddress.key("[2001:db8:1:2::abcd]")).isEqualTo(key);
		assertThat(ClientAddress.key("2001:db8:1:2::1%eth0")).isEqualTo(key);
		assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(key);
		assertThat(key).isEqualTo("20010db800010002::/64");
	}

	@Test
	void countsAnIpv4MappedAddressAsTheIpv4Address() {
		assertThat(ClientAddress.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
	}

	@Test
	void leavesAnythingElseAsItIsWithoutAskingDns() {
		assertThat(ClientAddress.key("localhost")).isEqualTo("localhost");
		assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
	}

}
