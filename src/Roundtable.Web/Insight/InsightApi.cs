using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Insight;

// Rates are numbers from 0 to 1; money is a string in pounds with two decimals ("150.00").
public static class InsightApi
{
    public sealed record SessionsResponse(int Held, double AttendanceRate, double ProblemsPreparedRate);
    public sealed record TutorialsResponse(int Held, int Booked, int OutsideWindow, int LateCancellations, int NoShows, int FeedbackOverdue);
    public sealed record InvoicesResponse(int Submitted, int Approved, int Paid, int Rejected, string PaidTotal);
    public sealed record ProjectsResponse(int Project1Submitted, int Project2Submitted, int Passed);
    public sealed record AtRiskResponse(string DelegateId, IReadOnlyList<string> Reasons);
    public sealed record CohortReportResponse(int Delegates, int Groups, SessionsResponse Sessions, TutorialsResponse Tutorials, InvoicesResponse Invoices,
        ProjectsResponse Projects, IReadOnlyList<AtRiskResponse> AtRisk);

    public static RouteGroupBuilder MapInsightApi(this RouteGroupBuilder v1)
    {
        var reports = v1.MapArea("Reports", "/reports");
        reports.MapGet("/cohorts/{id:int}", GetCohortReport)
            .WithName("GetCohortReport").WithSummary("A cohort's figures and delegates at risk (a tutor: their own delegates only)")
            .Fails(FailureKind.NotFound);
        reports.MapGet("/cohorts/{id:int}/at-risk.csv", GetAtRiskCsv)
            .WithName("ExportCohortAtRisk").WithSummary("A cohort's delegates at risk, with the reasons, as CSV (a tutor: their own delegates only)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Fails(FailureKind.NotFound);
        return v1;
    }

    public static ReportReader Reader(ClaimsPrincipal user) =>
        new(user.UserId(), user.IsInRole(Roles.ProgrammeTeam), user.IsInRole(Roles.Tutor));

    private static async Task<Results<Ok<CohortReportResponse>, ProblemHttpResult>> GetCohortReport(
        int id, ClaimsPrincipal user, ReportAccess access, CohortReports reports, AtRiskFinder atRisk, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(Reader(user), id, ct);
        if (!scope.Succeeded)
        {
            return scope.Failure.ToProblem();
        }
        var r = await reports.ForAsync(scope.Value, ct);
        var risks = await atRisk.ListAsync(new AtRiskFilter(id, scope.Value.TutorId), ct);
        return TypedResults.Ok(new CohortReportResponse(r.Delegates, r.Groups,
            new SessionsResponse(r.Sessions.Held, r.Sessions.AttendanceRate, r.Sessions.ProblemsPreparedRate),
            new TutorialsResponse(r.Tutorials.Held, r.Tutorials.Booked, r.Tutorials.OutsideWindow, r.Tutorials.LateCancellations, r.Tutorials.NoShows, r.Tutorials.FeedbackOverdue),
            new InvoicesResponse(r.Invoices.Submitted, r.Invoices.Approved, r.Invoices.Paid, r.Invoices.Rejected, Money.Plain(r.Invoices.PaidTotalPence)),
            new ProjectsResponse(r.Projects.Project1Submitted, r.Projects.Project2Submitted, r.Projects.Passed),
            risks.Select(d => new AtRiskResponse(d.UserId, d.Reasons.Select(x => x.Code).ToList())).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAtRiskCsv(
        int id, ClaimsPrincipal user, ReportAccess access, AtRiskFinder atRisk, TimeProvider time, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(Reader(user), id, ct);
        if (!scope.Succeeded)
        {
            return scope.Failure.ToProblem();
        }
        var rows = await atRisk.ListAsync(new AtRiskFilter(id, scope.Value.TutorId), ct);
        return TypedResults.File(AtRiskCsv.Write(rows, LondonTime.Today(time)), CsvFile.ContentType, "at-risk.csv");
    }
}

public static class AtRiskCsv
{
    public static byte[] Write(IEnumerable<AtRiskPerson> rows, DateOnly today) =>
        CsvFile.Write(["Delegate", "Email", "Cohort", "Tutor", "Reasons", "Checked on"],
            rows.Select(d => (IReadOnlyList<string?>)[d.Name, d.Email, d.Cohort, d.TutorName, string.Join("; ", d.Reasons.Select(r => r.Text)), CsvFile.Date(today)]));
}
