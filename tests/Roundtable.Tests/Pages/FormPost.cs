using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Roundtable.Tests.Pages;

public sealed record UploadFile(string FieldName, string FileName, byte[] Content, string ContentType = "application/octet-stream");

// Posts a form the way a browser does: every successful control (hidden and text inputs, textareas,
// checked boxes and radios, selected options) in page order, the values given taking the place of
// the first field of the same name, to the form's action or a button's formaction; multipart when
// the form says so.
public static class FormPost
{
    public static async Task<HttpResponseMessage> SendFormAsync(this HttpClient client, IDocument page, string formSelector,
        IEnumerable<KeyValuePair<string, string>>? values = null, string? action = null, UploadFile? file = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        // Given values take the place of the form's own fields of that name, so the order is the page's.
        var given = (values ?? []).GroupBy(v => v.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToList(), StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string value)
        {
            if (!given.TryGetValue(name, out var replacements))
            {
                fields.Add(new(name, value));
                return;
            }
            fields.AddRange(replacements.Select(v => new KeyValuePair<string, string>(name, v)));
            given.Remove(name);
        }
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked || given.ContainsKey(name))
                    {
                        Add(name, box.Value);
                    }
                    break;
                case IHtmlInputElement { Type: "hidden" or "text" or "email" or "number" } input:
                    Add(name, input.Value);
                    break;
                case IHtmlTextAreaElement textArea:
                    Add(name, textArea.Value);
                    break;
                case IHtmlSelectElement select when select.SelectedOptions.Length > 0:
                    Add(name, select.SelectedOptions[0]!.Value);
                    break;
            }
        }
        fields.AddRange(given.SelectMany(g => g.Value.Select(v => new KeyValuePair<string, string>(g.Key, v))));
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
