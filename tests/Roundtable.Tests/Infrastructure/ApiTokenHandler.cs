using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Roundtable.Tests.Infrastructure;

// What the pages' scripts do: an unsafe API call made with the sign-in cookie carries the
// antiforgery token the layout writes into its meta tag. Form posts carry their own token.
public sealed class ApiTokenHandler : DelegatingHandler
{
    private static readonly ConditionalWeakTable<HttpClient, ApiTokenHandler> Handlers = [];

    public string? Token { get; set; }

    public static HttpClient Attach(HttpClient client, ApiTokenHandler handler)
    {
        Handlers.AddOrUpdate(client, handler);
        return client;
    }

    // After signing in: read the token from a page, as a script would, for the client's API calls.
    public static async Task TakeTokenAsync(HttpClient client)
    {
        if (Handlers.TryGetValue(client, out var handler))
        {
            var page = await client.GetDocumentAsync("/Account/NoRole");
            handler.Token = PageToken(page);
        }
    }

    public static string PageToken(IDocument page) =>
        page.QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content")
        ?? throw new InvalidOperationException("The page has no antiforgery meta tag.");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var unsafeMethod = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options;
        if (Token is not null && unsafeMethod && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            && !request.Headers.Contains("RequestVerificationToken"))
        {
            request.Headers.Add("RequestVerificationToken", Token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
