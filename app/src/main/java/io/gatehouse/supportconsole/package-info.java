/**
 * The support console: server-rendered pages at {@code /support} where the SaaS operator's support team
 * signs in with the operator token and looks after companies (plans, email domains, SCIM tokens, provisioning
 * health, SSO status, the first administrator). Every change goes through the services the operator API uses
 * (operator.CompanyOperations, access.CompanyAdmins), so both audit the same way. See docs/architecture.md.
 */
package io.gatehouse.supportconsole;
