package org.openemg.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.Cidr;

class EnvelopeAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<123456@domain.com>     | 123456       | domain.com",
            "123456@Domain.COM       | 123456       | domain.com",
            "<\"John Doe\"@ex.org>   | John Doe     | ex.org",
            "<local>                 | local        | ''",
            "<>                      | ''           | ''",
            "<a@b@c.org>             | a@b          | c.org"})
    void envelopeAddressesSplitAtTheLastAt(String text, String local, String domain) {
        assertEquals(new MailAddress(local, domain), MailAddress.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<46701234567@example.com>     | 46701234567",
            "<+46701234567@example.com>    | +46701234567",
            "<john@example.com>            | john",
            "<john.smith.junior@ex.com>    | john.smith.",
            "<123456789012345678901@x.org> | 12345678901",
            "<invoice-dept@x.org>          | invoice-dep"})
    void sourceAddressIsTheNumberOrElevenCharacters(String mailFrom, String sourceAddr) {
        assertEquals(Optional.of(sourceAddr), SenderAddress.of(MailAddress.parse(mailFrom)));
    }

    @Test
    void theNullSenderGivesNoSourceAddress() {
        assertEquals(Optional.empty(), SenderAddress.of(MailAddress.parse("<>")));
    }

    @Test
    void localDomainsFromAnyoneOtherDomainsOnlyFromLocalIps() {
        RelayRule rule = new RelayRule(List.of("sms.example.com"), List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.0.0.0/8")));
        assertTrue(rule.permits(MailAddress.parse("<4670@sms.example.com>"), "192.0.2.7"));
        assertTrue(rule.permits(MailAddress.parse("<4670@SMS.Example.com>"), "192.0.2.7"));
        assertFalse(rule.permits(MailAddress.parse("<4670@elsewhere.org>"), "192.0.2.7"));
        assertFalse(rule.permits(MailAddress.parse("<4670@sub.sms.example.com>"), "127.0.0.2"));
        assertTrue(rule.permits(MailAddress.parse("<4670@elsewhere.org>"), "127.0.0.1"));
        assertTrue(rule.permits(MailAddress.parse("<4670@elsewhere.org>"), "10.1.2.3"));
    }

    @Test
    void aConnectorWithoutRelayKeywordsTakesEveryRecipient() {
        assertTrue(new RelayRule(List.of(), List.of()).permits(MailAddress.parse("<1@anywhere.org>"), "198.51.100.1"));
    }

    @Test
    void localIpsAloneLimitEveryDomain() {
        RelayRule rule = new RelayRule(List.of(), List.of(Cidr.parse("127.0.0.1/32")));
        assertTrue(rule.permits(MailAddress.parse("<1@any.org>"), "127.0.0.1"));
        assertFalse(rule.permits(MailAddress.parse("<1@any.org>"), "127.0.0.2"));
    }
}
