using System.Net;
using System.Text;

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
        var html = new StringBuilder(libraries.Sum(l => l.Length) + 64 * 1024);
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n");
        foreach (var library in libraries)
        {
            // The bundles hold no "</script" (checked when vendored), so they can be inlined as they are.
            html.Append("<script>").Append(library).Append("</script>\n");
        }

        html.Append(Style).Append("</head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        var charts = new List<(string Id, string Spec, string? Data)>();
        if (report is not null)
        {
            AppendReport(html, report, charts);
        }

        if (plots.Count > 0)
        {
            html.Append("<section id=\"plots\">\n<h2>Plots</h2>\n<div class=\"plots\">\n");
            foreach (var plot in plots)
            {
                html.Append("<div class=\"plot\" data-plot-id=\"").Append(Encode(plot.Id)).Append("\">\n<h3>").Append(Encode(plot.Id)).Append("</h3>\n");
                if (plot.IsImage)
                {
                    foreach (var image in plot.Images)
                    {
                        html.Append("<figure class=\"image\"><img alt=\"").Append(Encode(image.Revision + ": " + image.File))
                            .Append("\" src=\"data:").Append(MediaType(image.File)).Append(";base64,")
                            .Append(Convert.ToBase64String(image.Bytes)).Append("\"><figcaption>")
                            .Append(Encode(image.Revision)).Append("</figcaption></figure>\n");
                    }
                }
                else
                {
                    var id = "chart-" + charts.Count;
                    charts.Add((id, plot.Template!, plot.Data?.Compact()));
                    html.Append("<div class=\"chart\" id=\"").Append(id).Append("\"></div>\n");
                }

                html.Append("</div>\n");
            }

            html.Append("</div>\n</section>\n");
        }

        foreach (var (id, spec, data) in charts)
        {
            // Specs and data are written with HTML-sensitive characters escaped (\u003C), so no "</script" can occur.
            html.Append("<script type=\"application/json\" id=\"").Append(id).Append("-spec\">").Append(spec).Append("</script>\n");
            if (data is not null)
            {
                html.Append("<script type=\"application/json\" id=\"").Append(id).Append("-data\">").Append(data).Append("</script>\n");
            }
        }

        html.Append(Script).Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendReport(StringBuilder html, ExperimentReport report, List<(string Id, string Spec, string? Data)> charts)
    {
        html.Append("<section id=\"experiments\">\n<h2>Experiments</h2>\n<table class=\"experiments\">\n<thead><tr>");
        for (var i = 0; i < report.Headers.Count; i++)
        {
            var kind = i < 2 ? "name" : i < 2 + report.MetricCount ? "metric" : "param";
            html.Append("<th class=\"").Append(kind).Append("\" title=\"sort\">").Append(Encode(report.Headers[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in report.Rows)
        {
            html.Append("<tr class=\"").Append(row.IsBaseline ? "baseline" : "experiment").Append("\"><td>").Append(Encode(row.Name))
                .Append("</td><td class=\"rev\">").Append(Encode(row.Rev)).Append("</td>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                html.Append(row.Changed[i] ? "<td class=\"changed\">" : "<td>").Append(Encode(row.Cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (report.ParallelCoordinatesSpec is { } spec)
        {
            var id = "chart-" + charts.Count;
            charts.Add((id, spec, null));
            html.Append("<div class=\"plot\" data-plot-id=\"parallel-coordinates\">\n<h3>Params and metrics</h3>\n<div class=\"chart\" id=\"")
                .Append(id).Append("\"></div>\n</div>\n");
        }

        html.Append("</section>\n");
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
          // The compact data (PlotData.Compact) back into DVC's rows.
          function dvcRows(groups) {
            var rows = [];
            groups.forEach(function (g) {
              var gone = {};
              (g.missing || []).forEach(function (m) { gone[m[0] + ',' + m[1]] = true; });
              g.rows.forEach(function (r, i) {
                var o = {};
                for (var c = 0; c < g.columns.length; c++) { if (!gone[i + ',' + c]) { o[g.columns[c]] = r[c]; } }
                if (g.step) { o.step = i; }
                if (g.ix !== undefined) { o.dvc_inferred_x_value = g.ix < 0 ? i : r[g.ix]; }
                if (g.iy !== undefined) { o.dvc_inferred_y_value = r[g.iy]; }
                o.rev = g.rev; o.filename = g.filename; o.field = g.field;
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
