package io.gatehouse.config;

/**
 * The product's name as the operator configured it ({@code gatehouse.product-name}). Texts composed in Java for
 * pages say {@link #TOKEN} where the name belongs; {@link #fill} puts the name in when the page is rendered.
 */
public record ProductName(String name) {

    public static final String TOKEN = "{product}";

    public String fill(String text) {
        return text == null ? null : text.replace(TOKEN, name);
    }
}
