package io.gatehouse.console;

import io.gatehouse.secrets.SecretSealer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Post/redirect/get for a secret that is shown once (a new SCIM token, a setup link, a client secret, an API key),
 * in the console and in the support console: the action that made it answers with 303 See Other to the page that
 * shows it, and the secret travels there in a flash attribute. Flash attributes sit in the session, which Spring
 * Session keeps in the database (nodes are stateless), so the secret is sealed with {@link SecretSealer} for that
 * moment, bound to the attribute's name and its owner (the company or application id). Spring MVC hands a flash
 * attribute to the next request for the redirect's path only and removes it from the session: reloading the page
 * shows the secret no more and, being a GET, issues nothing.
 */
@Component
public class OneTimeSecrets {

    private static final String PURPOSE = "one-time-secret:";

    private final SecretSealer sealer;

    OneTimeSecrets(SecretSealer sealer) {
        this.sealer = sealer;
    }

    /** Puts {@code secret} sealed in the flash attribute {@code name} and answers with 303 to {@code path}. */
    public ModelAndView showOnceAt(String path, RedirectAttributes redirect, String name, Object owner,
                                   String secret) {
        redirect.addFlashAttribute(name, sealer.seal(PURPOSE + name, owner.toString(), secret));
        return seeOther(path);
    }

    /**
     * The secret flashed to this request under {@code name}, opened and put in the model in place of its sealed
     * text; null (and nothing in the model) when there is none. Only ever a flash attribute of this session: the
     * model holds request parameters only where a handler binds them, which these pages do not.
     */
    public String open(Model model, String name, Object owner) {
        if (model.getAttribute(name) instanceof String sealed) {
            String secret = sealer.openText(PURPOSE + name, owner.toString(), sealed);
            model.addAttribute(name, secret);
            return secret;
        }
        return null;
    }

    /** A 303 See Other to {@code path}: the browser follows it with a GET, which a reload repeats harmlessly. */
    public static ModelAndView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
