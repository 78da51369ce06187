using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Roundtable.Web.Infrastructure;

// A link styled as a button must behave like one: role="button" for screen readers, and
// govuk-frontend's Button module (data-module) makes Space activate it as it does a button.
[HtmlTargetElement("a", Attributes = "class")]
public sealed class LinkButtonTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("govuk-button"))
        {
            return;
        }
        output.Attributes.SetAttribute("role", "button");
        output.Attributes.SetAttribute("draggable", "false");
        output.Attributes.SetAttribute("data-module", "govuk-button");
    }
}
