/**
 * The edge of HTTP: refusals that no feature's own controller made — by Tomcat before any application code
 * (a malformed request line, path or header), by Spring Security's firewall, by Spring MVC (an unsupported
 * method or media type, a malformed query string or multipart body) or through the container's {@code /error}
 * dispatch — answered in the format of the path's family ({@link io.gatehouse.web.PathFamily}): SCIM error JSON
 * under {@code /scim}, the operator API's JSON, the sign-in, console and support console pages. Each feature
 * contributes its format as an {@link io.gatehouse.web.ErrorBody}; {@link io.gatehouse.web.ErrorResponses} picks
 * it and logs the client fault once at INFO. Nothing here runs on a request that is not refused.
 */
package io.gatehouse.web;
