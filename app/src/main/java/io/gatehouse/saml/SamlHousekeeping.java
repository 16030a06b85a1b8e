package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work of the SAML feature, safe to run on every node at once: refreshing metadata from its URL
 * (each due connection is claimed by one node) and deleting pending requests and replay rows that can no
 * longer matter.
 */
@Component
class SamlHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SamlHousekeeping.class);
    private static final int BATCH = 50;

    private final SamlConnectionRepository connections;
    private final SamlConnectionService service;
    private final PendingRequests requests;
    private final ReplayCache replays;
    private final SpKeyRotation rotation;
    private final Clock clock;
    private final Duration refreshInterval;

    SamlHousekeeping(SamlConnectionRepository connections, SamlConnectionService service, PendingRequests requests,
                     ReplayCache replays, SpKeyRotation rotation, Clock clock,
                     @Value("${gatehouse.saml.metadata-refresh-interval:PT6H}") Duration refreshInterval) {
        this.connections = connections;
        this.service = service;
        this.requests = requests;
        this.replays = replays;
        this.rotation = rotation;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** Entra rolls its SAML signing certificate over by publishing the next one in the metadata first. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${gatehouse.saml.metadata-refresh-check:PT10M}")
    void refreshDueMetadata() {
        Instant now = clock.instant();
        Instant dueBefore = now.minus(refreshInterval);
        for (CompanyId company : connections.dueForRefresh(dueBefore, BATCH)) {
            if (connections.claimRefresh(company, dueBefore, now)) {
                service.refresh(company);
            }
        }
    }

    /** A previous SP key retires by itself at the end of its grace period. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${gatehouse.saml.key-retirement-check:PT10M}")
    void retireKeysAfterGrace() {
        rotation.retireAfterGrace();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void purgeExpired() {
        int gone = requests.purgeExpired() + replays.purgeExpired();
        if (gone > 0) {
            log.debug("purged {} expired SAML request and replay rows", gone);
        }
    }
}
