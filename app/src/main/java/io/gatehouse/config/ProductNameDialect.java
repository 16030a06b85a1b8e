package io.gatehouse.config;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The configured product name in every template as {@code ${#product.name}}, also in pages rendered outside
 * Spring MVC (web.TemplatePages): an expression object, not a model attribute that each controller must add.
 * {@code ${#product.fill(text)}} puts it into a text written with the {@link ProductName#TOKEN} placeholder
 * (the refusal pages' texts, composed in Java).
 */
@Component
class ProductNameDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final ProductName product;

    ProductNameDialect(GatehouseProperties properties) {
        super("gatehouse-product");
        this.product = new ProductName(properties.productName());
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("product");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return product;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
