package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;

/** One path family's error format; each feature that owns a family provides it (see {@link ErrorResponses}). */
public interface ErrorBody {

    PathFamily family();

    /**
     * The body answering {@code refusal}. The request may be one Tomcat could not fully parse, outside any
     * servlet: read at most its attributes from it.
     */
    Rendered render(HttpServletRequest request, Refusal refusal);

    record Rendered(String contentType, byte[] bytes) {}
}
