using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Roundtable.Tests.Pages;

public sealed record UploadFile(string FieldName, string FileName, byte[] Content, string ContentType = "application/octet-stream");

// Posts a form the way a browser does: every successful control (hidden and text inputs, textareas,
// checked boxes and radios, selected options) with the values given replacing those of the same
// name, to the form's action or a button's formaction; multipart when the form says so.
public static class FormPost
{
    public static async Task<HttpResponseMessage> SendFormAsync(this HttpClient client, IDocument page, string formSelector,
        IEnumerable<KeyValuePair<string, string>>? values = null, string? action = null, UploadFile? file = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var given = (values ?? []).ToList();
        var names = given.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || names.Contains(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "hidden" or "text" or "email" or "number" } input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select when select.SelectedOptions.Length > 0:
                    fields.Add(new(name, select.SelectedOptions[0]!.Value));
                    break;
            }
        }
        fields.AddRange(given);
        var target = new Uri(new Uri(page.Url), action ?? form.GetAttribute("action") ?? "");
        if (!string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await client.PostAsync(target.PathAndQuery, new FormUrlEncodedContent(fields));
        }
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        if (file is not null)
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(bytes, file.FieldName, file.FileName);
        }
        return await client.PostAsync(target.PathAndQuery, content);
    }

    // The formaction of the submit button with this text.
    public static string ButtonAction(this IDocument page, string text) =>
        page.QuerySelectorAll<IHtmlButtonElement>("button").First(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).GetAttribute("formaction")
        ?? throw new InvalidOperationException($"The button {text} has no formaction");
}
