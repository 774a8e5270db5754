package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Endpoint, Cidr and RouteTarget: the address-like values of the configuration. */
class AddressFormsTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0:8080, 0.0.0.0, 8080, ",
        "smsc.example.com:2775, smsc.example.com, 2775, ",
        "[::1]:2775, ::1, 2775, ",
        "[2001:db8::10]:80, 2001:db8::10, 80, ",
        ":8080, '', 8080, ",
        "http://client.example.com/dlr, client.example.com, 80, http://client.example.com/dlr",
        "https://client.example.com:8443/x?a=b, client.example.com, 8443, https://client.example.com:8443/x?a=b",
        "http://[::1]:9000/p, ::1, 9000, http://[::1]:9000/p",
    })
    void parsesEndpoints(String text, String host, int port, String url) {
        assertEquals(new Endpoint(host, port, Optional.ofNullable(url)), Endpoint.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "host:", "host:0", "host:65536", "host:80x", "::1:2775", "[::1:2775",
        "[zz::1]:80", "http://:80/"})
    void rejectsBadEndpoints(String text) {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.255.1.2, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "10.1.2.3/8, 10.9.9.9, true",
        "192.168.1.1, 192.168.1.1, true",
        "192.168.1.1, 192.168.1.2, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "0.0.0.0/0, ::1, false",
        "::1/128, ::1, true",
        "::1/128, 0:0:0:0:0:0:0:1, true",
        "::1, ::2, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "fe80::/10, fe80::1%eth0, true",
        "10.0.0.0/8, ::ffff:10.0.0.1, true",
        "::/0, 10.0.0.1, false",
        "172.16.0.0/12, 172.31.255.255, true",
        "172.16.0.0/12, 172.32.0.0, false",
    })
    void cidrMembership(String cidr, String ip, boolean inside) {
        assertEquals(inside, Cidr.parse(cidr).contains(ip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.0/33", "::1/129", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "1:2:3", "host", "10.0.0.0/", "10.0.0.0/-1", "12345::"})
    void rejectsBadCidrs(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "smpp-out, smpp-out, ",
        "smpp-in:acme, smpp-in, acme",
        " group , group, ",
    })
    void parsesRouteTargets(String text, String name, String user) {
        RouteTarget target = RouteTarget.parse(text);
        assertEquals(new RouteTarget(name, Optional.ofNullable(user)), target);
        assertEquals(text.strip(), target.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":acme", "smpp-in:", "a,,b"})
    void rejectsBadRouteTargets(String text) {
        assertThrows(IllegalArgumentException.class, () -> RouteTarget.parseList(text));
    }
}
