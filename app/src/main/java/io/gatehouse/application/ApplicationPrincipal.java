package io.gatehouse.application;

/**
 * Who is calling the product API: the application whose API key authenticated the request, read fresh for every
 * request (no cache). The companies it may see are {@code servesAllCompanies} or its explicit list, which every
 * company-scoped read checks in SQL ({@link ProductApplications#servedCompany}, {@link ProductApplications#serves}).
 */
public record ApplicationPrincipal(ApplicationId applicationId, String clientId, String name,
                                   boolean servesAllCompanies) {}
