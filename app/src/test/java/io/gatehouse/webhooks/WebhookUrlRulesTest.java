package io.gatehouse.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlRulesTest {

    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
            "internal.example.com", "192.168.1.10", "rebind.example.com", "169.254.169.254",
            "cgnat.example.com", "100.64.0.1", "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.getOrDefault(host, host.matches("[0-9.:a-f]+") ? host : null);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final WebhookUrlRules production = new WebhookUrlRules(false, WebhookUrlRulesTest::resolve);
    private final WebhookUrlRules development = new WebhookUrlRules(true, WebhookUrlRulesTest::resolve);

    @Test
    void acceptsHttpsToAPublicAddress() {
        assertThat(production.problem("https://hooks.example.com/gatehouse")).isEmpty();
    }

    @Test
    void refusesPlainHttpToAPublicAddressEvenInDevelopment() {
        assertThat(production.problem("http://hooks.example.com/gatehouse")).get().asString().contains("must use https");
        assertThat(development.problem("http://hooks.example.com/gatehouse")).get().asString().contains("must use https");
    }

    @Test
    void allowsHttpToLoopbackOnlyWithTheDevelopmentSetting() {
        assertThat(development.problem("http://127.0.0.1:8081/hook")).isEmpty();
        assertThat(development.problem("http://localhost:8081/hook")).isEmpty();
        assertThat(production.problem("http://127.0.0.1:8081/hook")).get().asString().contains("loopback");
        assertThat(production.problem("https://localhost/hook")).get().asString().contains("loopback");
    }

    @Test
    void refusesNamesThatResolveToPrivateLinkLocalOrCarrierNatAddresses() {
        assertThat(production.problem("https://internal.example.com/")).get().asString().contains("private");
        assertThat(production.problem("https://rebind.example.com/")).get().asString().contains("private");
        assertThat(production.problem("https://cgnat.example.com/")).get().asString().contains("private");
        assertThat(production.problem("https://10.1.2.3/")).get().asString().contains("private");
        assertThat(production.problem("https://[fd00::1]/")).get().asString().contains("private");
    }

    @Test
    void refusesMetadataAddressesLiterally() {
        assertThat(production.problem("https://169.254.169.254/latest")).get().asString().contains("metadata");
        assertThat(production.problem("https://[fd00:ec2::254]/")).get().asString().contains("metadata");
        assertThat(production.problem("https://metadata.google.internal/")).get().asString().contains("metadata");
    }

    @Test
    void refusesAHostThatDoesNotResolveAndNonHttpSchemes() {
        assertThat(production.problem("https://nowhere.invalid/")).contains("names a host that does not resolve");
        assertThat(production.problem("ftp://hooks.example.com/")).get().asString().contains("must use https");
    }
}
