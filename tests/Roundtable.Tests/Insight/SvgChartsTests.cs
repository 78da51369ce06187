using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Tests.Insight;

// The server-rendered charts: bar lengths in proportion to the values, every label and value
// written out, names escaped, an accessible image with its table.
public class SvgChartsTests
{
    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static AngleSharp.Dom.IDocument Parse(IHtmlContent content) => new HtmlParser().ParseDocument($"<body>{Render(content)}</body>");

    private static double Width(AngleSharp.Dom.IElement bar) => double.Parse(bar.GetAttribute("width")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Bars_LengthsAreInProportionToTheValues()
    {
        var doc = Parse(SvgCharts.Bars("c", "Title", "Description", [new("A", 50, "50"), new("B", 100, "100"), new("C", 0, "0")]));

        var bars = doc.QuerySelectorAll("rect.rt-chart__bar").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(SvgCharts.BarArea / 2, Width(bars[0]));
        Assert.Equal(SvgCharts.BarArea, Width(bars[1]));
        Assert.Equal(0, Width(bars[2]));
    }

    [Fact]
    public void Bars_AGivenMaximumScalesThem()
    {
        var doc = Parse(SvgCharts.Bars("c", "Attendance", "Rates", [new("A", 25, "25%")], max: 100));

        Assert.Equal(SvgCharts.BarArea / 4, Width(doc.QuerySelector("rect.rt-chart__bar")!));
    }

    [Fact]
    public void Bars_AMarkerBeyondTheBarsWidensTheScale()
    {
        var doc = Parse(SvgCharts.Bars("c", "Spend", "Spend", [new("Nov 2026", 100, "£1.00")], marker: new ChartMarker(400, "Budget £4.00")));

        Assert.Equal(SvgCharts.BarArea / 4, Width(doc.QuerySelector("rect.rt-chart__bar")!));
        var marker = doc.QuerySelector("line.rt-chart__marker")!;
        Assert.Equal(SvgCharts.BarArea.ToString(CultureInfo.InvariantCulture), marker.GetAttribute("x1"));
        Assert.Equal("6 4", marker.GetAttribute("stroke-dasharray"));
        Assert.Contains("Budget £4.00", doc.QuerySelector("svg")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_WriteEveryLabelAndValue_AsAnAccessibleImage()
    {
        var doc = Parse(SvgCharts.Bars("chart-x", "Tutorials", "Tutorials by window", [new("On time", 3, "3"), new("Late", 1, "1")]));

        var svg = doc.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("chart-x-title chart-x-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Tutorials", doc.GetElementById("chart-x-title")!.TextContent);
        Assert.Equal("Tutorials by window", doc.GetElementById("chart-x-desc")!.TextContent);
        Assert.Equal("100%", svg.GetAttribute("width"));
        Assert.StartsWith("0 0 400 ", svg.GetAttribute("viewBox"), StringComparison.Ordinal);
        var texts = svg.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Equal(["On time", "3", "Late", "1"], texts);
    }

    [Fact]
    public void Bars_EscapeNames()
    {
        var html = Render(SvgCharts.Bars("c", "A <b> & \"c\"", "d", [new("<script>alert(1)</script>", 1, "1 & more")]));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("1 &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_FollowsTheChartWithItsTable()
    {
        var doc = Parse(SvgCharts.Figure("f", SvgCharts.Bars("chart-f", "T", "D", [new("Row <1>", 1, "1")]),
            new ChartTable("Figures", ["Name", "Count"], [["Row <1>", "1"]])));

        var table = doc.QuerySelector("#f details table#f-table")!;
        Assert.Equal("Figures", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Name", "Count"], table.QuerySelectorAll("thead th[scope=col]").Select(t => t.TextContent));
        Assert.Equal("Row <1>", table.QuerySelector("tbody th[scope=row]")!.TextContent);
        Assert.Equal("1", table.QuerySelector("tbody td.govuk-table__cell--numeric")!.TextContent);
    }
}
