/**
 * Gatehouse's SAML 2.0 service provider core: plain Java over Apache Santuario (xmlsec) and the
 * JDK, no Spring and no OpenSAML.
 *
 * <ul>
 *   <li>{@link io.gatehouse.saml.core.SamlResponseValidator} validates a Response posted to the ACS
 *       for one {@link io.gatehouse.saml.core.SamlValidationConfig} and a {@link java.time.Clock},
 *       returning a {@link io.gatehouse.saml.core.SamlValidationResult}: the signed-in subject, or
 *       a {@link io.gatehouse.saml.core.FailureCode} with expected and actual values. The caller
 *       enforces one-time use of {@code Success.assertionId()} until {@code assertionExpiresAt()}.
 *   <li>{@link io.gatehouse.saml.core.IdpMetadataParser} reads the IdP metadata an admin uploads
 *       (Entra's federation metadata in particular) into {@link io.gatehouse.saml.core.IdpMetadata}.
 *   <li>{@link io.gatehouse.saml.core.SpMetadataWriter} and
 *       {@link io.gatehouse.saml.core.AuthnRequestBuilder} produce what goes the other way.
 * </ul>
 *
 * <p>All XML enters through one hardened, pooled DOM parser (no DOCTYPE, no external entities, no
 * XInclude, secure processing, depth limits). Nothing in this package resolves IDs other than the
 * one ID attribute of an element whose signature is being verified.
 */
package io.gatehouse.saml.core;
