package org.openemg.core.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message's options as {@code application/x-www-form-urlencoded} parameters, UTF-8, in the order they
 * were set: what an outgoing HTTP connector sends to its URL (spec section 7). Credentials never leave.
 */
public final class OptionForm {

    private OptionForm() {
    }

    public static String encode(Options options) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> option : options.asMap().entrySet()) {
            if (OptionNames.PASSWORD.equals(option.getKey())) {
                continue;
            }
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(option.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(option.getValue(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** The URL with the parameters added to its query, if it has one already. */
    public static String withQuery(String url, Options options) {
        String form = encode(options);
        if (form.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&") + form;
    }
}
