package io.gatehouse;

import io.gatehouse.saml.core.cli.SamlCli;

/**
 * Entry point of {@code java -jar gatehouse.jar}. With no arguments (or Spring options) it starts the
 * server; {@code saml verify …} runs the offline SAML support command instead, without starting Spring.
 */
public final class GatehouseMain {

    private GatehouseMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("saml")) {
            System.exit(SamlCli.run(args, System.out, System.err));
        }
        GatehouseApplication.main(args);
    }
}
