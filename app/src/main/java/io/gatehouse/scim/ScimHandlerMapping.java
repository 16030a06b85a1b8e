package io.gatehouse.scim;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The routes of {@code /scim} in a handler mapping of their own, consulted before the application's main one
 * (issue 16). Spring MVC finds a route without path variables by a map lookup, but a route with one
 * ({@code PATCH /scim/v2/Users/{id}}, Entra's most frequent change) by matching the request against every mapping
 * of its handler mapping: with all of the console's, support console's, operator and product API routes that was
 * ~10 % of the server's CPU in Entra's cycle (JFR, bench/profile-entra-cycle.sh). Here it is matched against the
 * SCIM routes only; the main mapping leaves the SCIM controllers out ({@link ScimWebConfig}), so every route stays
 * in exactly one mapping. Nothing else differs: same annotations, same path parser, same error handling.
 */
class ScimHandlerMapping extends RequestMappingHandlerMapping {

    static final String PACKAGE = ScimHandlerMapping.class.getPackageName();

    @Override
    protected boolean isHandler(Class<?> beanType) {
        return isScimController(beanType) && super.isHandler(beanType);
    }

    static boolean isScimController(Class<?> beanType) {
        return beanType.getPackageName().equals(PACKAGE);
    }
}
