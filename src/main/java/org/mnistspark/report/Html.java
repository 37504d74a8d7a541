package org.mnistspark.report;

import java.util.List;
import java.util.Locale;

/**
 * The pieces every report is made of. A page is one self-contained file: its style is inline, its
 * images are data URIs, it has no script, and its Content-Security-Policy forbids fetching anything,
 * so it opens the same offline, from an e-mail or from a shared drive.
 */
final class Html {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:2rem auto;max-width:1100px;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
            .summary{color:#4a5468;margin-top:0}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
            table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .7rem;border-bottom:1px solid #eef1f5;text-align:right}
            th{background:#f5f7fa}td:first-child,th:first-child{text-align:left}code{font-size:12px}
            .grid{display:flex;flex-wrap:wrap;gap:.6rem}.grid figure{margin:0;padding:.3rem;border:1px solid #e3e7ee;border-radius:4px;text-align:center;font-size:12px}
            .grid img{display:block;margin:0 auto;image-rendering:pixelated}.pixels{width:56px;height:56px}
            .pair{display:flex;gap:.3rem;align-items:center}.picture{max-width:112px;max-height:112px}
            figcaption{max-width:240px;overflow-wrap:anywhere}.wrong{color:#b3261e;font-weight:600}.none{color:#6b7385;font-style:italic}
            svg text{font:11px system-ui,sans-serif;fill:#39414f}
            """;

    private Html() {}

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** Numbers as a report shows them everywhere: a dot for decimals, commas between thousands. */
    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A table of text: the header and every cell are escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** A section: a heading, then its content or, when there is none yet, why. */
    static String section(String heading, String content, String whenEmpty) {
        return "<h2>" + escape(heading) + "</h2>\n"
                + (content.isEmpty() ? "<p class=\"none\">" + escape(whenEmpty) + "</p>\n" : content);
    }
}
