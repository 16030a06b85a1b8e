package io.gatehouse.supportconsole;

import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.webhooks.WebhookDeliveryLog;
import io.gatehouse.webhooks.WebhookEndpoint;
import io.gatehouse.webhooks.WebhookEndpoints;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One webhook endpoint of an application in the support console: its state with *Enable* / *Disable*, and its
 * delivery log (one row per event: type, webhook-id, attempts, last outcome and HTTP status, next attempt) with
 * *Resend* per delivery. Both actions post, answer with a redirect to this page and are audited in the
 * deployment-wide log under the application; a refused resend (the endpoint is disabled, say) is a page saying why.
 * Resend never enables the endpoint: that is *Enable*, on purpose a separate decision.
 */
@Controller
class SupportWebhooksController {

    static final int DELIVERIES = 50;

    private final ProductApplications applications;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryLog deliveryLog;

    SupportWebhooksController(ProductApplications applications, WebhookEndpoints endpoints,
                              WebhookDeliveryLog deliveryLog) {
        this.applications = applications;
        this.endpoints = endpoints;
        this.deliveryLog = deliveryLog;
    }

    @GetMapping("/support/applications/{id}/webhooks/{endpointId}")
    ModelAndView show(@PathVariable String id, @PathVariable String endpointId) {
        ProductApplication app = application(id);
        WebhookEndpoint endpoint = endpoints.find(app.id(), SupportApplicationsController.uuid(endpointId));
        return new ModelAndView("support/webhook").addObject("app", app).addObject("endpoint", endpoint)
                .addObject("deliveries", deliveryLog.recent(app.id(), endpoint.id(), DELIVERIES))
                .addObject("navSection", "applications");
    }

    @PostMapping("/support/applications/{id}/webhooks/{endpointId}/enabled")
    String enable(@PathVariable String id, @PathVariable String endpointId,
                  @RequestParam(required = false) String enabled, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        UUID endpoint = SupportApplicationsController.uuid(endpointId);
        boolean on = SupportApplicationsController.yesOrNo(enabled);
        endpoints.update(app.id(), endpoint, null, on, null, AuditLog.SUPPORT_TEAM);
        return done(app, endpoint, on ? "Endpoint enabled: its deliveries are tried again now."
                : "Endpoint disabled: nothing is sent to it until it is enabled.", redirect);
    }

    @PostMapping("/support/applications/{id}/webhooks/{endpointId}/deliveries/{webhookId}/resend")
    String resend(@PathVariable String id, @PathVariable String endpointId, @PathVariable String webhookId,
                  RedirectAttributes redirect) {
        ProductApplication app = application(id);
        UUID endpoint = SupportApplicationsController.uuid(endpointId);
        deliveryLog.resend(app.id(), endpoint, webhookId, AuditLog.SUPPORT_TEAM);
        return done(app, endpoint, "Resend of " + webhookId + " scheduled: it is sent again within seconds, with "
                + "the same webhook-id.", redirect);
    }

    private ProductApplication application(String id) {
        return ApplicationId.parse(id).flatMap(applications::find).orElseThrow(SupportErrors.NotFoundException::new);
    }

    private static String done(ProductApplication app, UUID endpoint, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/support/applications/" + app.id() + "/webhooks/" + endpoint;
    }
}
