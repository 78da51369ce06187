using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Dfe;

// What a call is about, for the audit trail: the local record (a delegate, an application) and the
// person it concerns. Calls about nothing in particular (listing pages) are recorded under "DfE".
public sealed record DfeAbout(string RecordType, int RecordId, string? PersonId = null);

// The DfE Lead Provider API v3 as a typed HttpClient. Retries, back-off, Retry-After and time-outs
// come from the resilience handler (DfeSetup); this class builds the JSON:API bodies, reads the
// answers into DfeResult and writes one audit entry per call (who, what was sent, what came back;
// never the token, and personal data kept to identifiers).
public sealed class DfeClient(HttpClient http, DfeConnection connection, IServiceScopeFactory scopes,
    IHttpContextAccessor httpContext, TimeProvider time, Microsoft.Extensions.Options.IOptions<DfeOptions> options, ILogger<DfeClient> log)
{
    public const string AuditRecordType = "DfE";

    // Marks a request that must not be sent twice blindly (POST declaration): the retry handler
    // repeats it only when DfE says it did nothing (429).
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("Roundtable.Dfe.NotIdempotent");

    // Counted by DfeAttemptCounter, for the audit entry.
    internal static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("Roundtable.Dfe.Attempts");

    private const int AuditBodyMax = 600;

    // ---- Applications ----

    public Task<DfeResult<IReadOnlyList<DfeResource<DfeApplicationAttributes>>>> ListApplicationsAsync(
        DfePageRequest page, DateTimeOffset? updatedSince = null, string? cohorts = null, CancellationToken ct = default) =>
        ListAsync<DfeApplicationAttributes>("api/v3/npq-applications", page,
            [("filter[updated_since]", updatedSince is { } u ? DfeJson.DateTime(u) : null), ("filter[cohort]", cohorts)], ct);

    // Every page, until DfE returns a short one. Cohorts: a comma-separated list of years ("2024,2025").
    public Task<DfeResult<IReadOnlyList<DfeResource<DfeApplicationAttributes>>>> ListAllApplicationsAsync(
        DateTimeOffset? updatedSince = null, string? cohorts = null, CancellationToken ct = default) =>
        AllPagesAsync(page => ListApplicationsAsync(page, updatedSince, cohorts, ct));

    public Task<DfeResult<DfeResource<DfeApplicationAttributes>>> GetApplicationAsync(string id, DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeApplicationAttributes>>(HttpMethod.Get, $"api/v3/npq-applications/{Id(id)}", null, about, ct);

    public Task<DfeResult<DfeResource<DfeApplicationAttributes>>> AcceptApplicationAsync(string id, DfeAcceptApplicationAttributes? attributes = null,
        DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeApplicationAttributes>>(HttpMethod.Post, $"api/v3/npq-applications/{Id(id)}/accept",
            new DfeDocument<DfeRequestData<DfeAcceptApplicationAttributes>>(new(DfeTypes.ApplicationAccept, attributes ?? new())), about, ct);

    // The API takes no body for a rejection: the reason stays in Roundtable.
    public Task<DfeResult<DfeResource<DfeApplicationAttributes>>> RejectApplicationAsync(string id, DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeApplicationAttributes>>(HttpMethod.Post, $"api/v3/npq-applications/{Id(id)}/reject", null, about, ct);

    // ---- Participants ----

    public Task<DfeResult<IReadOnlyList<DfeResource<DfeParticipantAttributes>>>> ListParticipantsAsync(
        DfePageRequest page, DateTimeOffset? updatedSince = null, CancellationToken ct = default) =>
        ListAsync<DfeParticipantAttributes>("api/v3/participants/npq", page,
            [("filter[updated_since]", updatedSince is { } u ? DfeJson.DateTime(u) : null)], ct);

    public Task<DfeResult<IReadOnlyList<DfeResource<DfeParticipantAttributes>>>> ListAllParticipantsAsync(
        DateTimeOffset? updatedSince = null, CancellationToken ct = default) =>
        AllPagesAsync(page => ListParticipantsAsync(page, updatedSince, ct));

    public Task<DfeResult<DfeResource<DfeParticipantAttributes>>> GetParticipantAsync(string participantId, DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeParticipantAttributes>>(HttpMethod.Get, $"api/v3/participants/npq/{Id(participantId)}", null, about, ct);

    // Reasons: DfeReasons.Withdrawal values.
    public Task<DfeResult<DfeResource<DfeParticipantAttributes>>> WithdrawParticipantAsync(string participantId, string courseIdentifier, string reason,
        DfeAbout? about = null, CancellationToken ct = default) =>
        ChangeParticipantAsync(participantId, "withdraw", DfeTypes.ParticipantWithdraw, new(courseIdentifier, reason), about, ct);

    // Reasons: DfeReasons.Deferral values.
    public Task<DfeResult<DfeResource<DfeParticipantAttributes>>> DeferParticipantAsync(string participantId, string courseIdentifier, string reason,
        DfeAbout? about = null, CancellationToken ct = default) =>
        ChangeParticipantAsync(participantId, "defer", DfeTypes.ParticipantDefer, new(courseIdentifier, reason), about, ct);

    public Task<DfeResult<DfeResource<DfeParticipantAttributes>>> ResumeParticipantAsync(string participantId, string courseIdentifier,
        DfeAbout? about = null, CancellationToken ct = default) =>
        ChangeParticipantAsync(participantId, "resume", DfeTypes.ParticipantResume, new(courseIdentifier), about, ct);

    private Task<DfeResult<DfeResource<DfeParticipantAttributes>>> ChangeParticipantAsync(string participantId, string action, string type,
        DfeParticipantChangeAttributes attributes, DfeAbout? about, CancellationToken ct) =>
        SendAsync<DfeResource<DfeParticipantAttributes>>(HttpMethod.Put, $"api/v3/participants/npq/{Id(participantId)}/{action}",
            new DfeDocument<DfeRequestData<DfeParticipantChangeAttributes>>(new(type, attributes)), about, ct);

    // ---- Declarations ----

    // Not retried on a time-out or 5xx (DfE may have recorded it): a Failed result means "unknown";
    // read the participant's declarations back before sending it again.
    public Task<DfeResult<DfeResource<DfeDeclarationAttributes>>> SubmitDeclarationAsync(DfeDeclarationRequest declaration,
        DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeDeclarationAttributes>>(HttpMethod.Post, "api/v3/participant-declarations",
            new DfeDocument<DfeRequestData<DfeDeclarationRequest>>(new(DfeTypes.Declaration, declaration)), about, ct, notIdempotent: true);

    public Task<DfeResult<IReadOnlyList<DfeResource<DfeDeclarationAttributes>>>> ListDeclarationsAsync(
        DfePageRequest page, string? participantId = null, DateTimeOffset? updatedSince = null, string? cohorts = null, CancellationToken ct = default) =>
        ListAsync<DfeDeclarationAttributes>("api/v3/participant-declarations", page,
            [("filter[participant_id]", participantId), ("filter[updated_since]", updatedSince is { } u ? DfeJson.DateTime(u) : null), ("filter[cohort]", cohorts)], ct);

    public Task<DfeResult<IReadOnlyList<DfeResource<DfeDeclarationAttributes>>>> ListAllDeclarationsAsync(
        string? participantId = null, DateTimeOffset? updatedSince = null, CancellationToken ct = default) =>
        AllPagesAsync(page => ListDeclarationsAsync(page, participantId, updatedSince, null, ct));

    public Task<DfeResult<DfeResource<DfeDeclarationAttributes>>> GetDeclarationAsync(string id, DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeDeclarationAttributes>>(HttpMethod.Get, $"api/v3/participant-declarations/{Id(id)}", null, about, ct);

    public Task<DfeResult<DfeResource<DfeDeclarationAttributes>>> VoidDeclarationAsync(string id, DfeAbout? about = null, CancellationToken ct = default) =>
        SendAsync<DfeResource<DfeDeclarationAttributes>>(HttpMethod.Put, $"api/v3/participant-declarations/{Id(id)}/void", null, about, ct);

    // ---- Plumbing ----

    private async Task<DfeResult<IReadOnlyList<DfeResource<T>>>> ListAsync<T>(string path, DfePageRequest page,
        IEnumerable<(string Name, string? Value)> filters, CancellationToken ct)
    {
        var query = new StringBuilder(path).Append('?')
            .Append(CultureInfo.InvariantCulture, $"page[page]={page.Page}&page[per_page]={page.PerPage}");
        foreach (var (name, value) in filters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        var result = await SendAsync<List<DfeResource<T>>>(HttpMethod.Get, query.ToString(), null, null, ct);
        return result.Succeeded
            ? DfeResult<IReadOnlyList<DfeResource<T>>>.Ok(result.Value, result.StatusCode ?? 200)
            : result.As<IReadOnlyList<DfeResource<T>>>();
    }

    private async Task<DfeResult<IReadOnlyList<DfeResource<T>>>> AllPagesAsync<T>(
        Func<DfePageRequest, Task<DfeResult<IReadOnlyList<DfeResource<T>>>>> fetch)
    {
        var perPage = Math.Clamp(options.Value.PageSize, 1, 3000);
        var all = new List<DfeResource<T>>();
        // A bound so that a server that never returns a short page cannot keep us here for ever.
        for (var number = 1; number <= 10_000; number++)
        {
            var page = await fetch(new DfePageRequest(number, perPage));
            if (!page.Succeeded)
            {
                return page;
            }
            all.AddRange(page.Value);
            if (page.Value.Count < perPage)
            {
                break;
            }
        }
        return DfeResult<IReadOnlyList<DfeResource<T>>>.Ok(all, 200);
    }

    private async Task<DfeResult<T>> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, DfeAbout? about,
        CancellationToken ct, bool notIdempotent = false)
    {
        var target = await connection.GetAsync(ct);
        var sent = body is null ? null : JsonSerializer.Serialize(body, DfeJson.Options);
        if (target is null)
        {
            var notSet = DfeResult<T>.Failed("The DfE link is not set up: enter DfE's base address and token on the DfE settings page.");
            await AuditAsync(method, pathAndQuery, sent, notSet, 0, about, ct);
            return notSet;
        }

        using var request = new HttpRequestMessage(method, new Uri(target.BaseUrl, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (sent is not null)
        {
            request.Content = new StringContent(sent, Encoding.UTF8, "application/json");
        }
        if (notIdempotent)
        {
            request.Options.Set(NotIdempotent, true);
        }
        var attempts = new StrongBox<int>();
        request.Options.Set(Attempts, attempts);

        DfeResult<T> result;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            result = Read<T>(response, text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            && !ct.IsCancellationRequested)
        {
            // The exception's type only: its message can quote the address.
            var kind = e.GetType().Name;
            log.LogWarning("DfE call {Method} failed after {Attempts} attempts ({Error})", method.Method, attempts.Value, kind);
            result = DfeResult<T>.Failed(e is HttpRequestException
                ? "Could not reach DfE's service. Try again later."
                : "DfE's service did not answer in time. Try again later.");
        }
        Infrastructure.Operations.AppMetrics.DfeCalls.Add(1, new KeyValuePair<string, object?>("method", method.Method),
            new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        await AuditAsync(method, pathAndQuery, sent, result, attempts.Value, about, ct);
        return result;
    }

    private static DfeResult<T> Read<T>(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                var document = JsonSerializer.Deserialize<DfeDocument<T>>(text, DfeJson.Options);
                return document is null || document.Data is null
                    ? DfeResult<T>.Failed("DfE's answer had no data.", status)
                    : DfeResult<T>.Ok(document.Data, status);
            }
            catch (JsonException)
            {
                return DfeResult<T>.Failed("DfE's answer could not be read.", status);
            }
        }
        var reason = ErrorText(text);
        return status switch
        {
            401 => DfeResult<T>.Refused(status, $"DfE did not accept our token{Said(reason)}. Check the token on the DfE settings page."),
            403 => DfeResult<T>.Refused(status, $"DfE refused this{Said(reason)}."),
            404 => DfeResult<T>.Refused(status, $"DfE has no such record{Said(reason)}."),
            429 => DfeResult<T>.Failed("DfE asked us to slow down and kept refusing. Try again later.", status),
            >= 400 and < 500 => DfeResult<T>.Refused(status, reason ?? $"DfE refused the request (HTTP {status})."),
            _ => DfeResult<T>.Failed($"DfE's service had a problem (HTTP {status}). Try again later.", status),
        };
    }

    private static string Said(string? reason) => reason is null ? "" : $": {reason}";

    // { "error": "…" } or { "errors": [ { "title", "detail" } ] }, in one line.
    internal static string? ErrorText(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var lines = errors.EnumerateArray()
                    .Select(e => (Title: Text(e, "title"), Detail: Text(e, "detail")))
                    .Select(e => e.Detail is null ? e.Title : e.Title is null || e.Detail.Contains(e.Title, StringComparison.OrdinalIgnoreCase) ? e.Detail : $"{e.Title}: {e.Detail}")
                    .OfType<string>().ToList();
                return lines.Count == 0 ? null : string.Join(" ", lines.Select(l => l.TrimEnd('.') + "."));
            }
        }
        catch (JsonException)
        {
        }
        return null;

        static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private async Task AuditAsync<T>(HttpMethod method, string pathAndQuery, string? sent, DfeResult<T> result, int attempts, DfeAbout? about, CancellationToken ct)
    {
        var changes = new AuditChanges()
            .Add("Request", null, $"{method.Method} /{pathAndQuery}")
            .Add("Sent", null, sent is null ? null : Trim(sent))
            .Add("Status", null, result.StatusCode is { } s ? s.ToString(CultureInfo.InvariantCulture) : "no answer")
            .Add("Received", null, Summary(result));
        if (attempts > 1)
        {
            changes.Add("Attempts", null, attempts);
        }
        var entry = AuditEntry.For(about?.RecordType ?? AuditRecordType, about?.RecordId ?? 0,
            $"DfE {method.Method} {PathOnly(pathAndQuery)} {result.Outcome.ToString().ToLowerInvariant()}",
            httpContext.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), time.GetUtcNow().UtcDateTime,
            personId: about?.PersonId, changes: changes);
        // Its own scope: the entry is kept whatever the caller does with its own changes.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    // What came back, without the personal data a list carries: ids and states, or the error.
    private static string Summary<T>(DfeResult<T> result) => (object?)result.Value switch
    {
        null => result.Error ?? "",
        System.Collections.ICollection list => $"{list.Count} records",
        DfeResource<DfeApplicationAttributes> a => $"application {a.Id}: {a.Attributes.Status}",
        DfeResource<DfeParticipantAttributes> p => $"participant {p.Id}: {string.Join(", ", p.Attributes.NpqEnrolments.Select(e => $"{e.CourseIdentifier} {e.TrainingStatus}"))}",
        DfeResource<DfeDeclarationAttributes> d => $"declaration {d.Id}: {d.Attributes.DeclarationType} {d.Attributes.State}",
        _ => "ok",
    };

    private static string Trim(string text) => text.Length <= AuditBodyMax ? text : text[..AuditBodyMax] + "…";

    private static string PathOnly(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return "/" + (q < 0 ? pathAndQuery : pathAndQuery[..q]);
    }

    private static string Id(string id) => Uri.EscapeDataString(id);
}
