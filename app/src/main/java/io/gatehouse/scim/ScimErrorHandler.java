package io.gatehouse.scim;

import io.gatehouse.access.ProtectedAdminException;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place SCIM failures become RFC 7644 section 3.12 error JSON: those of the SCIM controllers, and, as the
 * SCIM family's {@link ErrorBody}, the refusals of every other layer on a {@code /scim} path (the container, the
 * security firewall, the error page; see the web package).
 */
@RestControllerAdvice(assignableTypes = {ScimUsersController.class, ScimGroupsController.class,
        ScimDiscoveryController.class})
class ScimErrorHandler implements ErrorBody {

    private static final Logger log = LoggerFactory.getLogger(ScimErrorHandler.class);
    static final String RETRY_AFTER_SECONDS = "2";
    static final String BUSY_DETAIL = "The service is busy; retry after a short pause.";

    private final ScimJson json;

    ScimErrorHandler(ScimJson json) {
        this.json = json;
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<byte[]> scim(ScimException e, HttpServletRequest request) {
        return logged(e, request);
    }

    /** The break-glass administrator is outside the identity provider's reach (see access.BreakGlassGuard). */
    @ExceptionHandler(ProtectedAdminException.class)
    ResponseEntity<byte[]> protectedAdmin(ProtectedAdminException e, HttpServletRequest request) {
        return logged(ScimException.mutability(e.getMessage()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e) {
        return json.errorResponse(new ScimException(405, null, "Method " + e.getMethod() + " is not supported here."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return logged(ScimException.invalidSyntax("Send application/scim+json or application/json."), request);
    }

    /**
     * Database overload or lock contention: ask the client to retry rather than fail with a 500. A pool that
     * cannot hand out a connection within {@code spring.datasource.hikari.connection-timeout} surfaces as
     * {@link CannotGetJdbcConnectionException} from a plain JDBC call, but as {@link CannotCreateTransactionException}
     * when a transaction begins (every SCIM write and read runs in a TransactionTemplate), so both are here.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotAcquireLockException.class, PessimisticLockingFailureException.class, QueryTimeoutException.class})
    ResponseEntity<byte[]> busy(RuntimeException e) {
        log.warn("SCIM request deferred: {}", e.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return json.respond(HttpStatus.SERVICE_UNAVAILABLE, json.error(503, null, BUSY_DETAIL), headers);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<byte[]> unexpected(RuntimeException e) {
        log.error("Unexpected SCIM failure", e);
        return json.errorResponse(new ScimException(500, null, "Internal error; nothing was changed."));
    }

    @Override
    public PathFamily family() {
        return PathFamily.SCIM;
    }

    /** A refusal by another layer, in SCIM error JSON; on an authenticated request it reaches the provisioning log. */
    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        ScimRequest scim = ScimRequest.of(request);
        if (scim != null) {
            scim.failed(refusal.scimType(), refusal.detail());
        }
        return new Rendered(ScimJson.SCIM.toString(), json.mapper().writeValueAsBytes(
                json.error(refusal.status(), refusal.scimType(), refusal.detail())));
    }

    /** The error's scimType and detail go to the provisioning log entry of this request, for the support team. */
    private ResponseEntity<byte[]> logged(ScimException e, HttpServletRequest request) {
        ScimRequest scim = ScimRequest.of(request);
        if (scim != null) {
            scim.failed(e.scimType(), e.detail());
        }
        return json.errorResponse(e);
    }
}
