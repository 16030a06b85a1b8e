-- The product's initiate login URI (OpenID Connect Core 4, "Initiating Login from a Third Party"): where a sign-in
-- started at the company's identity provider (IdP-initiated SAML) is handed to the product, which then starts its
-- own authorization code flow with PKCE and gets a fresh code at its redirect URI. NULL: none; such sign-ins land
-- on Gatehouse's own page.
ALTER TABLE product_application ADD COLUMN initiate_login_uri VARCHAR(2048);
