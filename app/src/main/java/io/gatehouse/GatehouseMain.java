package io.gatehouse;

public final class GatehouseMain {
    public static void main(String[] args) {
        GatehouseApplication.main(args);
    }
}
