using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Roundtable.Tests.Infrastructure;

// Real form posts: read the page, take its anti-forgery token and fields, post as a browser would.
public static partial class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Context.OpenAsync(req => req.Content(response.Content.ReadAsStream()).Address(response.RequestMessage!.RequestUri!));

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        await ApiTokenHandler.TakeTokenAsync(client);
    }

    // Posts the page's form (the first post form in <main>, or the one matching the selector),
    // with the page's own hidden fields and token, overridden by the given values.
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        Dictionary<string, string> values, string? formSelector = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitAsync(page, values, formSelector, extra);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, Dictionary<string, string> values,
        string? formSelector = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var form = (formSelector is null
            ? page.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            : page.QuerySelector<IHtmlFormElement>(formSelector)) ?? throw new InvalidOperationException($"No form on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (!values.ContainsKey(input.Name!))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }
        fields.AddRange(values);
        if (extra is not null)
        {
            fields.AddRange(extra);
        }
        var action = new Uri(new Uri(page.Url), form.GetAttribute("action") ?? "");
        return await client.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
    }

    public static string Token(IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? throw new InvalidOperationException("No anti-forgery token");

    public static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => Squash(li.TextContent)).ToList();

    public static string Text(this IDocument page, string selector = "main") => Squash(page.QuerySelector(selector)?.TextContent ?? "");

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
