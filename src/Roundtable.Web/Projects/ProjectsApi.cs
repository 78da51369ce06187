using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
        v1.MapGet("/calendar/working-days", GetWorkingDays).WithName("GetWorkingDays");
        v1.MapPost("/text/word-count", CountWords).WithName("CountWords");
        v1.MapGet("/projects/{project:int}/requirements", GetRequirements).WithName("GetProjectRequirements");
        return v1;
    }

    private static async Task<Results<Ok<WorkingDaysResponse>, ProblemHttpResult>> GetWorkingDays(
        string? from, string? to, ProjectCalendar calendar, CancellationToken ct)
    {
        if (!TryParseDate(from, out var start))
        {
            return BadRequest("Give the first day as from=YYYY-MM-DD, a real date.");
        }
        if (!TryParseDate(to, out var end))
        {
            return BadRequest("Give the last day as to=YYYY-MM-DD, a real date.");
        }
        if (end < start)
        {
            return BadRequest("The last day (to) must not be before the first day (from).");
        }
        if (end.DayNumber - start.DayNumber >= MaxRangeDays)
        {
            return BadRequest($"Ask for at most {MaxRangeDays.ToString("N0", CultureInfo.InvariantCulture)} days at a time.");
        }
        var count = WorkingDays.Count(start, end, await calendar.HolidaysAsync(ct));
        return TypedResults.Ok(new WorkingDaysResponse(count.WorkingDays, count.Excluded.Select(e => new ExcludedDayResponse(e.Date, e.Reason)).ToList()));
    }

    private static Results<Ok<WordCountResponse>, ProblemHttpResult> CountWords(WordCountRequest? request)
    {
        if (request?.Text is not { } text)
        {
            return BadRequest("Send the text to count as {\"text\": \"...\"}.");
        }
        if (text.Length > MaxTextLength)
        {
            return BadRequest($"Send at most {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        }
        return TypedResults.Ok(new WordCountResponse(WordCount.Count(text)));
    }

    // A delegate reads their own; the programme team anyone's and a tutor their own delegates', by ?delegateId=
    // (the delegate's user id, as everywhere in the API).
    private static async Task<Results<Ok<List<RequirementResponse>>, ProblemHttpResult>> GetRequirements(
        int project, string? delegateId, ClaimsPrincipal user, ProjectProgress progress, CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(project))
        {
            return Problem(StatusCodes.Status404NotFound, "There are two NPQH projects: 1 and 2.");
        }
        var me = user.UserId();
        var target = string.IsNullOrWhiteSpace(delegateId) ? me : delegateId.Trim();
        var isTeam = user.IsInRole(Roles.ProgrammeTeam);
        var isTutor = user.IsInRole(Roles.Tutor);
        if (target == me && !user.IsInRole(Roles.Delegate))
        {
            return isTeam || isTutor
                ? BadRequest("Give the delegate's id as ?delegateId=.")
                : Problem(StatusCodes.Status403Forbidden, "Only delegates, their tutors and the programme team can read project requirements.");
        }
        if (target != me && !isTeam && !isTutor)
        {
            return Problem(StatusCodes.Status403Forbidden, "You can read only your own project requirements.");
        }

        var place = await progress.NpqhPlaceAsync(target, ct);
        // A tutor is told nothing about delegates who are not theirs, not even that they exist.
        if (place is null || (target != me && !isTeam && place.TutorId != me))
        {
            return Problem(StatusCodes.Status404NotFound, target == me
                ? "You have no NPQH projects: they belong to the NPQH programme."
                : "There is no NPQH delegate with that id among the delegates you can see.");
        }
        var delegateProjects = await progress.ForAsync(place.Id, ct);
        return TypedResults.Ok(delegateProjects.Requirements(project).Select(r => new RequirementResponse(r.Name, r.Met, r.Detail)).ToList());
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);
}
