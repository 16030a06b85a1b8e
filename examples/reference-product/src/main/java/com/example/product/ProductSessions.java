package com.example.product;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The product's signed-in sessions by Gatehouse user ({@code sub}) and Gatehouse session ({@code sid} of the ID
 * token), so a {@code user.deactivated} webhook or a back-channel logout token can end them. Sessions are the
 * servlet container's (one node); a product on several nodes keeps this index next to its shared sessions.
 */
@Component
public class ProductSessions implements HttpSessionListener {

    private record Entry(String sub, String sid, HttpSession session) {}

    private final Map<String, Entry> bySessionId = new ConcurrentHashMap<>();

    /** Called once the user signed in (the session is the one that survives session-fixation protection). */
    public void signedIn(String sub, String sid, HttpSession session) {
        bySessionId.put(session.getId(), new Entry(sub, sid, session));
    }

    /** Ends every session of this Gatehouse user; answers how many. */
    public int endUser(String sub) {
        return end(e -> e.sub().equals(sub));
    }

    /** Ends the sessions of this Gatehouse session id (and user, when both are given); answers how many. */
    public int endSession(String sub, String sid) {
        return end(e -> (sid == null || sid.equals(e.sid())) && (sub == null || sub.equals(e.sub())));
    }

    /** How many sessions this user has open here. */
    public int count(String sub) {
        return (int) bySessionId.values().stream().filter(e -> e.sub().equals(sub)).count();
    }

    private int end(java.util.function.Predicate<Entry> which) {
        List<Entry> ended = new ArrayList<>();
        bySessionId.values().removeIf(e -> which.test(e) && ended.add(e));
        for (Entry e : ended) {
            try {
                e.session().invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile (sign-out, timeout): nothing left to do
            }
        }
        return ended.size();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        bySessionId.remove(event.getSession().getId());
    }
}
