using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public static class ProjectsApi
{
    // Ten years is far more than any placement or project; it keeps one request's work bounded.
    public const int MaxRangeDays = 3700;
    public const int MaxTextLength = 1_000_000;

    public sealed record ExcludedDayResponse(DateOnly Date, string Reason);
    public sealed record WorkingDaysResponse(int WorkingDays, IReadOnlyList<ExcludedDayResponse> Excluded);
    public sealed record WordCountRequest(string? Text);
    public sealed record WordCountResponse(int Words);
    public sealed record RequirementResponse(string Requirement, bool Met, string Detail);

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder v1)
    {
        var projects = v1.MapArea("Projects");
        // The calendar and the word count are tools for anyone signed in (partners plan placements too).
        projects.MapGet("/calendar/working-days", GetWorkingDays)
            .WithName("GetWorkingDays").WithSummary("Count the working days between two dates, both included")
            .Fails(FailureKind.Invalid);
        projects.MapPost("/text/word-count", CountWords)
            .WithName("CountWords").WithSummary("Count the words of a text as a word processor does")
            .Fails(FailureKind.Invalid);
        projects.MapGet("/projects/{project:int}/requirements", GetRequirements)
            .WithName("GetProjectRequirements").WithSummary("Check an NPQH delegate's requirements for one project")
            .RequireAuthorization(p => p.RequireRole(Roles.Delegate, Roles.Tutor, Roles.ProgrammeTeam))
            .Fails(FailureKind.Invalid, FailureKind.Forbidden, FailureKind.NotFound);
        return v1;
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

    private static Results<Ok<WordCountResponse>, ProblemHttpResult> CountWords(WordCountRequest? request)
    {
        if (request?.Text is not { } text)
        {
            return Failure.Invalid(nameof(WordCountRequest.Text), "Send the text to count as {\"text\": \"...\"}.").ToProblem();
        }
        if (text.Length > MaxTextLength)
        {
            return Failure.Invalid(nameof(WordCountRequest.Text), $"Send at most {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters.").ToProblem();
        }
        return TypedResults.Ok(new WordCountResponse(WordCount.Count(text)));
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
