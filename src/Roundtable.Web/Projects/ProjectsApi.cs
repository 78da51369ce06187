using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public static class ProjectsApi
{
    // Ten years is far more than any placement or project; it keeps one request's work bounded.
    public const int MaxRangeDays = 3700;
    public const int MaxTextLength = 1_000_000;
    // The file (at most the upload limit) and the form around it.
    public const long MaxUploadRequestBytes = StoredFile.MaxBytes + 64 * 1024;

    public sealed record ExcludedDayResponse(DateOnly Date, string Reason);
    public sealed record WorkingDaysResponse(int WorkingDays, IReadOnlyList<ExcludedDayResponse> Excluded);
    public sealed record WordCountRequest(string? Text);
    public sealed record WordCountResponse(int Words);
    public sealed record ExcludedResponse(string Heading, int Words);
    public sealed record DocumentWordCountResponse(int Words, IReadOnlyList<ExcludedResponse> Excluded);
    // The shape is fixed by the contract: the requirement's name (stable; the README lists each with
    // its key), whether it is met, and the detail (an override says so: "Overridden by the programme team: ...").
    public sealed record RequirementResponse(string Requirement, bool Met, string Detail);
    // Fixed by the contract. Projects: opensAt and closesAt null (no window), wordLimit the project's.
    public sealed record AssessmentResponse(string Id, string Regime, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int WordLimit, bool Eligible, string Status);

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder v1)
    {
        var projects = v1.MapArea("Projects");
        // The calendar and the word count are tools for anyone signed in (partners plan placements too).
        projects.MapGet("/calendar/working-days", GetWorkingDays)
            .WithName("GetWorkingDays").WithSummary("Count the working days between two dates, both included")
            .Fails(FailureKind.Invalid);
        // JSON {"text": ...}, or a written account uploaded as multipart/form-data field "file" (.docx or .pdf).
        projects.MapPost("/text/word-count", CountWords)
            .WithName("CountWords").WithSummary("Count the words of a text, or of an uploaded .docx or .pdf account without its annexes")
            // No Accepts metadata: it would make routing answer other types with a bare 415, and only one list counts.
            .WithDescription("Send JSON {\"text\": \"...\"} for {\"words\"}, or multipart/form-data with field \"file\" (.docx or .pdf) for {\"words\", \"excluded\": [{\"heading\", \"words\"}]}.")
            .Produces<DocumentWordCountResponse>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes))
            .Fails(FailureKind.Invalid, FailureKind.Refused, FailureKind.UnsupportedType);
        projects.MapGet("/projects/{project:int}/requirements", GetRequirements)
            .WithName("GetProjectRequirements").WithSummary("Check an NPQH delegate's requirements for one project")
            .RequireAuthorization(p => p.RequireRole(Roles.Delegate, Roles.Tutor, Roles.ProgrammeTeam))
            .Fails(FailureKind.Invalid, FailureKind.Forbidden, FailureKind.NotFound);
        projects.MapGet("/assessments/mine", GetMyAssessments)
            .WithName("GetMyAssessments").WithSummary("The signed-in delegate's assessments: NPQH projects and case studies whose window has opened")
            .RequireAuthorization(Roles.Delegate);
        return v1;
    }

    private static async Task<Ok<List<AssessmentResponse>>> GetMyAssessments(ClaimsPrincipal user, CaseStudies caseStudies, CancellationToken ct)
    {
        var rows = await caseStudies.MineAsync(user.UserId(), ct);
        return TypedResults.Ok(rows.Select(r => new AssessmentResponse(r.Id, r.Regime,
            r.OpensAt is { } opens ? LondonTime.WithOffset(opens) : null,
            r.ClosesAt is { } closes ? LondonTime.WithOffset(closes) : null,
            r.WordLimit, r.Eligible, r.Status)).ToList());
    }

    private static async Task<Results<Ok<WorkingDaysResponse>, ProblemHttpResult>> GetWorkingDays(
        string? from, string? to, ProjectCalendar calendar, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!TryParseDate(from, out var start))
        {
            errors.Add(nameof(from), "Give the first day as from=YYYY-MM-DD, a real date.");
        }
        if (!TryParseDate(to, out var end))
        {
            errors.Add(nameof(to), "Give the last day as to=YYYY-MM-DD, a real date.");
        }
        else if (!errors.Any && end < start)
        {
            errors.Add(nameof(to), "The last day (to) must not be before the first day (from).");
        }
        else if (!errors.Any && end.DayNumber - start.DayNumber >= MaxRangeDays)
        {
            errors.Add(nameof(to), $"Ask for at most {MaxRangeDays.ToString("N0", CultureInfo.InvariantCulture)} days at a time.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var count = WorkingDays.Count(start, end, await calendar.HolidaysAsync(ct));
        return TypedResults.Ok(new WorkingDaysResponse(count.WorkingDays, count.Excluded.Select(e => new ExcludedDayResponse(e.Date, e.Reason)).ToList()));
    }

    private static async Task<Results<Ok<WordCountResponse>, Ok<DocumentWordCountResponse>, ProblemHttpResult>> CountWords(
        HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var counted = await CountUploadAsync(request, ct);
            return counted.Succeeded
                ? TypedResults.Ok(new DocumentWordCountResponse(counted.Value.Words, counted.Value.Excluded.Select(e => new ExcludedResponse(e.Heading, e.Words)).ToList()))
                : counted.Failure.ToProblem();
        }
        if (!request.HasJsonContentType())
        {
            return new Failure(FailureKind.UnsupportedType, "Send JSON {\"text\": \"...\"} or a .docx or .pdf file as multipart/form-data field \"file\".").ToProblem();
        }
        WordCountRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<WordCountRequest>(ct);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body?.Text is not { } text)
        {
            return Failure.Invalid(nameof(WordCountRequest.Text), "Send the text to count as {\"text\": \"...\"}.").ToProblem();
        }
        if (text.Length > MaxTextLength)
        {
            return Failure.Invalid(nameof(WordCountRequest.Text), $"Send at most {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters.").ToProblem();
        }
        return TypedResults.Ok(new WordCountResponse(WordCount.Count(text)));
    }

    private static async Task<Result<DocumentCount>> CountUploadAsync(HttpRequest request, CancellationToken ct)
    {
        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile(AccountDocuments.Field);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Failure.Invalid(AccountDocuments.Field, "The form could not be read: send the file as multipart/form-data field \"file\".");
        }
        if (file is null)
        {
            return Failure.Invalid(AccountDocuments.Field, "Send the account as multipart/form-data field \"file\" (.docx or .pdf).");
        }
        if (!AccountDocuments.IsAccountFile(file.FileName))
        {
            return AccountDocuments.Count(file.FileName, []);
        }
        if (FileRules.Check(file.FileName, file.Length) is { Ok: false, Error: var error })
        {
            return Failure.Refused(error + ".", AccountDocuments.Field);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return AccountDocuments.Count(file.FileName, buffer.ToArray());
    }

    // A delegate reads their own; the programme team anyone's and a tutor their own delegates', by ?delegateId=
    // (the delegate's user id, as everywhere in the API).
    private static async Task<Results<Ok<List<RequirementResponse>>, ProblemHttpResult>> GetRequirements(
        int project, string? delegateId, ClaimsPrincipal user, ProjectProgress progress, CancellationToken ct)
    {
        var reader = new ProjectReader(user.UserId(), user.IsInRole(Roles.Delegate), user.IsInRole(Roles.Tutor), user.IsInRole(Roles.ProgrammeTeam));
        var requirements = await progress.RequirementsForAsync(project, delegateId, reader, ct);
        return requirements.Succeeded
            ? TypedResults.Ok(requirements.Value.Select(r => new RequirementResponse(r.Name, r.Met, r.Detail)).ToList())
            : requirements.Failure.ToProblem();
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
