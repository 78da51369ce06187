using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Roundtable.Web.Infrastructure;

public sealed record ChartBar(string Label, double Value, string ValueText);

// A reference value drawn across the bars as a dashed line with its own label (a budget).
public sealed record ChartMarker(double Value, string Label);

public sealed record ChartTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

// Charts drawn on the server as SVG: no script, so the strict CSP stays. Every chart is a set of
// horizontal bars (a bar chart, a funnel, or one row per month for figures over time), which
// stays readable at 375 px: the viewBox scales to the width, the label sits above each bar and
// the value is written after it, so colour is never the only way to read a bar. The SVG is an
// image with a title and description (role="img", aria-labelledby); the figures themselves are
// in the table that follows each chart (Table).
public static class SvgCharts
{
    public const double Width = 400;
    public const double BarArea = 290;
    public const double RowHeight = 44;
    public const double Top = 24;

    // GOV.UK blue (5.2:1 on white), text black, the marker GOV.UK red (4.5:1) and dashed.
    public const string BarColour = "#1d70b8";
    public const string TextColour = "#0b0c0c";
    public const string MarkerColour = "#d4351c";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static double BarLength(double value, double max) =>
        max <= 0 || value <= 0 ? 0 : Math.Round(Math.Min(value, max) / max * BarArea, 1);

    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<ChartBar> bars, double? max = null, ChartMarker? marker = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var scale = Math.Max(max ?? 0, Math.Max(bars.Count == 0 ? 0 : bars.Max(b => b.Value), marker?.Value ?? 0));
        var height = Top + (bars.Count * RowHeight) + 6;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rt-chart\" id=\"{E(id)}\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" focusable=\"false\" font-family=\"Arial, sans-serif\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * RowHeight);
            var length = BarLength(bar.Value, scale);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{N(y + 12)}\" font-size=\"14\" fill=\"{TextColour}\">{E(bar.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"rt-chart__bar\" x=\"0\" y=\"{N(y + 18)}\" width=\"{N(length)}\" height=\"18\" fill=\"{BarColour}\" data-value=\"{N(bar.Value)}\"/>");
            // A zero bar still shows where it starts, so "0" is not read as missing.
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{N(y + 16)}\" x2=\"0\" y2=\"{N(y + 38)}\" stroke=\"{TextColour}\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(length + 6)}\" y=\"{N(y + 32)}\" font-size=\"14\" font-weight=\"bold\" fill=\"{TextColour}\">{E(bar.ValueText)}</text>");
        }
        if (marker is not null && scale > 0)
        {
            var x = BarLength(marker.Value, scale);
            var anchor = x > Width / 2 ? "end" : "start";
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"rt-chart__marker\" x1=\"{N(x)}\" y1=\"{N(Top - 6)}\" x2=\"{N(x)}\" y2=\"{N(height)}\" stroke=\"{MarkerColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"14\" font-size=\"14\" text-anchor=\"{anchor}\" fill=\"{MarkerColour}\">{E(marker.Label)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    // The same figures as a GOV.UK table: the first column names the row, the others are numbers.
    public static IHtmlContent Table(string id, ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"rt-table-wrapper\"><table class=\"govuk-table\" id=\"{E(id)}\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{E(table.Caption)}</caption>");
        sb.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        for (var i = 0; i < table.Headers.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header{(i == 0 ? "" : " govuk-table__header--numeric")}\">{E(table.Headers[i])}</th>");
        }
        sb.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr class=\"govuk-table__row\">");
            for (var i = 0; i < row.Count; i++)
            {
                sb.Append(i == 0
                    ? $"<th scope=\"row\" class=\"govuk-table__header\">{E(row[i])}</th>"
                    : $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{E(row[i])}</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        return new HtmlString(sb.ToString());
    }

    // A chart followed by its figures as a table, behind a GOV.UK details element.
    public static IHtmlContent Figure(string id, IHtmlContent chart, ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<div class=\"rt-figure\" id=\"{E(id)}\">");
        builder.AppendHtml(chart);
        builder.AppendHtml($"<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">{E(table.Caption)} as a table</span></summary><div class=\"govuk-details__text\">");
        builder.AppendHtml(Table(id + "-table", table));
        builder.AppendHtml("</div></details></div>");
        return builder;
    }

    public static string Percent(double rate) => (rate * 100).ToString("0", Invariant) + "%";

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", Invariant);
}
