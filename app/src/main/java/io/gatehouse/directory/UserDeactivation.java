package io.gatehouse.directory;

import io.gatehouse.tenancy.CompanyId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What must happen when a user is deactivated or deleted: every party that holds something for the
 * user (sign-in sessions, product authorizations, the Administrator role) registers a listener and ends it, in the
 * same transaction.
 *
 * <p>Most users Entra deactivates hold nothing here (never signed in, no role): each listener says with a
 * {@link Probe} what it would look for, all probes are asked in one statement, and only the listeners whose probe
 * found something are called. That is one statement per deactivation instead of one or two per listener (issue 16).
 */
@Component
public class UserDeactivation {

    /** Something that holds state for a user and must end it when the user is deactivated. */
    public interface Listener {
        void userDeactivated(CompanyId company, UUID userId);

        /** With the user's row as it was before the change; listeners that can decide from it save a query. */
        default void userDeactivated(CompanyId company, UserRecord before) {
            userDeactivated(company, before.id());
        }

        /** Whether {@link #userDeactivated(CompanyId, UserRecord)} has anything to do for this user. */
        default Probe probe(CompanyId company, UserRecord before) {
            return Probe.ALWAYS;
        }
    }

    /**
     * A listener's question before it is called: always call it, never, or only when an SQL condition (an
     * {@code EXISTS (…)} with positional parameters, scoped by company like every query) holds.
     */
    public record Probe(boolean always, String condition, List<Object> params) {
        public static final Probe ALWAYS = new Probe(true, null, List.of());
        public static final Probe NEVER = new Probe(false, null, List.of());

        public static Probe when(String condition, Object... params) {
            return new Probe(false, condition, List.of(params));
        }
    }

    private final ObjectProvider<Listener> listeners;
    private final JdbcClient jdbc;

    UserDeactivation(ObjectProvider<Listener> listeners, JdbcClient jdbc) {
        this.listeners = listeners;
        this.jdbc = jdbc;
    }

    public void deactivated(CompanyId company, UUID userId) {
        listeners.orderedStream().forEach(l -> l.userDeactivated(company, userId));
    }

    /** The same, when the caller holds the user's row (read for update) from before the change. */
    public void deactivated(CompanyId company, UserRecord before) {
        List<Listener> ordered = listeners.orderedStream().toList();
        List<Probe> probes = ordered.stream().map(l -> l.probe(company, before)).toList();
        boolean[] call = answers(probes);
        for (int i = 0; i < ordered.size(); i++) {
            if (call[i]) {
                ordered.get(i).userDeactivated(company, before);
            }
        }
    }

    /** Which listeners to call: ALWAYS yes, NEVER no, the conditions asked together in one SELECT. */
    private boolean[] answers(List<Probe> probes) {
        boolean[] call = new boolean[probes.size()];
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            call[i] = probe.always();
            if (probe.condition() != null) {
                columns.add("CASE WHEN " + probe.condition() + " THEN 1 ELSE 0 END");
                params.addAll(probe.params());
                asked.add(i);
            }
        }
        if (!asked.isEmpty()) {
            jdbc.sql("SELECT " + String.join(", ", columns)).params(params).query((RowCallbackHandler) rs -> {
                for (int c = 0; c < asked.size(); c++) {
                    call[asked.get(c)] = rs.getInt(c + 1) == 1;
                }
            });
        }
        return call;
    }
}
