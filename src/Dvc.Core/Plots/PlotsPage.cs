using System.Net;

namespace Dvc.Core.Plots;

/// <summary>
/// The one self-contained HTML page (DVC's <c>dvc_plots/index.html</c>, plus the experiment report):
/// vega, vega-lite and vega-embed inlined once each, every chart's spec as inert JSON, images as data
/// URIs. It opens with no network: nothing is fetched. Each chart's container gets
/// <c>data-rendered</c> once drawn, or <c>data-error</c> and a console error if drawing failed.
/// </summary>
internal static class PlotsPage
{
    /// <param name="libraries">The chart library's scripts, in load order (vega, vega-lite, vega-embed).</param>
    public static string Render(string title, IReadOnlyList<RenderedPlot> plots, ExperimentReport? report, IReadOnlyList<string> libraries)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Render(writer, title, plots, report, libraries);
        return writer.ToString();
    }

    /// <summary>Writes the page in one pass: each chart's data goes from its tables to the writer.</summary>
    public static void Render(TextWriter html, string title, IReadOnlyList<RenderedPlot> plots, ExperimentReport? report, IReadOnlyList<string> libraries)
    {
        html.W("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").W(Encode(title)).W("</title>\n");
        foreach (var library in libraries)
        {
            // The bundles hold no "</script" (checked when vendored), so they can be inlined as they are.
            html.W("<script>").W(library).W("</script>\n");
        }

        html.W(Style).W("</head>\n<body>\n<h1>").W(Encode(title)).W("</h1>\n");
        var charts = new List<(string Id, string Spec, PlotData? Data)>();
        if (report is not null)
        {
            AppendReport(html, report, charts);
        }

        if (plots.Count > 0)
        {
            html.W("<section id=\"plots\">\n<h2>Plots</h2>\n<div class=\"plots\">\n");
            foreach (var plot in plots)
            {
                html.W("<div class=\"plot\" data-plot-id=\"").W(Encode(plot.Id)).W("\">\n<h3>").W(Encode(plot.Id)).W("</h3>\n");
                if (plot.IsImage)
                {
                    foreach (var image in plot.Images)
                    {
                        html.W("<figure class=\"image\" data-rev=\"").W(Encode(image.Revision)).W("\"><img alt=\"").W(Encode(image.Revision + ": " + image.File))
                            .W("\" src=\"data:").W(MediaType(image.File)).W(";base64,")
                            .W(Convert.ToBase64String(image.Bytes)).W("\"><figcaption>")
                            .W(Encode(image.Revision)).W("</figcaption></figure>\n");
                    }
                }
                else if (plot.PageSpec() is { } spec)
                {
                    var id = "chart-" + charts.Count;
                    charts.Add((id, spec, plot.Data));
                    html.W("<div class=\"chart\" id=\"").W(id).W("\"></div>\n");
                }

                html.W("</div>\n");
            }

            html.W("</div>\n</section>\n");
        }

        foreach (var (id, spec, data) in charts)
        {
            // Specs and data are written with "</" and "<" escaped, so no "</script" can occur.
            html.W("<script type=\"application/json\" id=\"").W(id).W("-spec\">").W(spec).W("</script>\n");
            if (data is not null)
            {
                html.W("<script type=\"application/json\" id=\"").W(id).W("-data\">");
                data.WriteCompact(html);
                html.W("</script>\n");
            }
        }

        html.W(Script).W("</body>\n</html>\n");
    }

    private static void AppendReport(TextWriter html, ExperimentReport report, List<(string Id, string Spec, PlotData? Data)> charts)
    {
        html.W("<section id=\"experiments\">\n<h2>Experiments</h2>\n<table class=\"experiments\">\n<thead><tr>");
        for (var i = 0; i < report.Headers.Count; i++)
        {
            var kind = i < 2 ? "name" : i < 2 + report.MetricCount ? "metric" : "param";
            html.W("<th class=\"").W(kind).W("\" title=\"sort\">").W(Encode(report.Headers[i])).W("</th>");
        }

        html.W("</tr></thead>\n<tbody>\n");
        foreach (var row in report.Rows)
        {
            html.W("<tr class=\"").W(row.IsBaseline ? "baseline" : "experiment").W("\"><td>").W(Encode(row.Name))
                .W("</td><td class=\"rev\">").W(Encode(row.Rev)).W("</td>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                html.W(row.Changed[i] ? "<td class=\"changed\">" : "<td>").W(Encode(row.Cells[i])).W("</td>");
            }

            html.W("</tr>\n");
        }

        html.W("</tbody>\n</table>\n");
        if (report.ParallelCoordinatesSpec is { } spec)
        {
            var id = "chart-" + charts.Count;
            charts.Add((id, spec, null));
            html.W("<div class=\"plot\" data-plot-id=\"parallel-coordinates\">\n<h3>Params and metrics</h3>\n<div class=\"chart\" id=\"")
                .W(id).W("\"></div>\n</div>\n");
        }

        html.W("</section>\n");
    }

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
        .plots { display: flex; flex-wrap: wrap; gap: 1.5em; }
        .plot h3 { font-size: 1em; font-weight: 600; }
        table.experiments { border-collapse: collapse; font-size: 0.9em; margin-bottom: 1.5em; }
        table.experiments th, table.experiments td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; }
        table.experiments th { cursor: pointer; background: #f4f4f4; user-select: none; }
        table.experiments th.metric { background: #eef5ff; }
        table.experiments th.param { background: #f5f0ff; }
        table.experiments td:first-child, table.experiments td.rev { text-align: left; }
        table.experiments tr.baseline { font-weight: 600; }
        table.experiments td.changed { background: #fff3c4; }
        th[data-order="asc"]::after { content: " \25B2"; }
        th[data-order="desc"]::after { content: " \25BC"; }
        figure.image img { max-width: 400px; }
        </style>

        """;

    private const string Script = """
        <script>
        (function () {
          // The compact data (PlotData.WriteCompact) back into DVC's rows, keys in DVC's order.
          function dvcRows(groups) {
            var rows = [];
            groups.forEach(function (g) {
              var gone = {};
              (g.missing || []).forEach(function (m) { gone[m[0] + ',' + m[1]] = true; });
              g.rows.forEach(function (r, i) {
                var o = {};
                for (var k = 0; k < g.keys.length; k++) {
                  var s = g.src[k];
                  if (typeof s === 'string') { o[g.keys[k]] = s; }
                  else if (s < 0) { o[g.keys[k]] = i; }
                  else if (!gone[i + ',' + s]) { o[g.keys[k]] = r[s]; }
                }
                rows.push(o);
              });
            });
            return rows;
          }
          function fill(node, rows) {
            if (Array.isArray(node)) { return node.map(function (n) { return fill(n, rows); }); }
            if (node === '<DVC_METRIC_DATA>') { return rows; }
            if (node && typeof node === 'object') {
              var out = {};
              Object.keys(node).forEach(function (k) { out[k] = fill(node[k], rows); });
              return out;
            }
            return node;
          }
          document.querySelectorAll('.chart').forEach(function (el) {
            var spec = JSON.parse(document.getElementById(el.id + '-spec').textContent);
            var data = document.getElementById(el.id + '-data');
            if (data) { spec = fill(spec, dvcRows(JSON.parse(data.textContent))); }
            vegaEmbed(el, spec, { renderer: 'svg', actions: false, mode: 'vega-lite' })
              .then(function () { el.setAttribute('data-rendered', 'true'); })
              .catch(function (e) { el.setAttribute('data-error', String(e)); console.error(e); });
          });
          document.querySelectorAll('table.experiments').forEach(function (table) {
            table.querySelectorAll('th').forEach(function (th, column) {
              th.addEventListener('click', function () {
                var order = th.getAttribute('data-order') === 'asc' ? 'desc' : 'asc';
                table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-order'); });
                th.setAttribute('data-order', order);
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                var key = function (row) { var t = row.cells[column].textContent; var n = Number(t); return t !== '' && !isNaN(n) ? n : t; };
                rows.sort(function (a, b) {
                  var x = key(a), y = key(b);
                  var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
                  return order === 'asc' ? c : -c;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
        })();
        </script>

        """;
}

internal static class PageWriter
{
    public static TextWriter W(this TextWriter writer, string? text)
    {
        writer.Write(text);
        return writer;
    }
}
