package io.shuno.web;

import io.shuno.operations.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The paging of a dashboard list: page n of m (counted from 1 for people), and links to the pages before and after
 * that keep every filter of the request (null where there is none).
 */
record PageLinks(int current, int last, String previous, String next) {

    static PageLinks of(Page<?> page, HttpServletRequest request) {
        int last = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
        return new PageLinks(page.page() + 1, last,
                page.page() > 0 ? link(request, page.page() - 1) : null,
                page.page() + 1 < last ? link(request, page.page() + 1) : null);
    }

    private static String link(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
