using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): every community session, searched by
// group or chair, filtered by cohort, state and date; downloads as CSV.
public class SessionsModel(AppDbContext db, TimeProvider time, ListExport export) : ListPageModel
{
    public sealed record Row(int Id, int GroupId, string Group, string Cohort, DateTime StartsAt, SessionMode Mode, string? Chair,
        DateTime? CancelledAt, DateTime? RecordedAt, int Present, int Absent, string? Successes);

    public static readonly IReadOnlyList<(string Value, string Text)> States =
        [("upcoming", "Upcoming"), ("recorded", "Recorded"), ("unrecorded", "Held, not recorded"), ("cancelled", "Cancelled")];

    [FromQuery(Name = "cohort")] public string? Cohort { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];

    public override string SearchLabel => "Group or chair";
    public override (string One, string Many) Noun => ("session", "sessions");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("cohort", "Cohort", Cohort, Cohorts, "Any cohort"),
        new("state", "State", State, States, "Any state"),
        new("from", "Sessions from", From, Type: "date"),
        new("to", "Sessions up to", To, Type: "date"),
    ];

    private static readonly ListSort<CommunitySession> Sorts = new ListSort<CommunitySession>()
        .By("date", s => s.StartsAt, defaultDescending: true).By("group", s => s.Group.Name).By("cohort", s => s.Group.Cohort.Name)
        .ThenBy(s => s.StartsAt).ThenBy(s => s.Id);

    public static string StateText(Row r, DateTime now) =>
        r.CancelledAt is not null ? "Cancelled" : r.RecordedAt is not null ? "Recorded" : r.StartsAt > now ? "Upcoming" : "Held, not recorded";

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = time.UtcNow();
        var rows = Sorts.Apply(Query(), this).Select(s => new Row(s.Id, s.GroupId, s.Group.Name, s.Group.Cohort.Name, s.StartsAt, s.Mode, s.Chair!.FullName,
            s.CancelledAt, s.RecordedAt, s.Attendance.Count(a => a.Present), s.Attendance.Count(a => !a.Present), s.Successes));
        if (WantsCsv)
        {
            var all = await rows.ToListAsync(ct);
            return await export.FileAsync(this, "sessions", "sessions.csv",
                ["Date", "Time (UK)", "Group", "Cohort", "Mode", "Chair", "State", "Present", "Absent", "Successes"],
                all.Select(r => (IReadOnlyList<string?>)[ListExport.Date(LondonTime.DateOf(r.StartsAt)), LondonTime.ToLocal(r.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
                    r.Group, r.Cohort, r.Mode == SessionMode.Online ? "Online" : "In person", r.Chair ?? "", StateText(r, Now), Num(r.Present), Num(r.Absent), r.Successes ?? ""]).ToList(), ct);
        }
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (Num(c.Id), c.Name)).ToList();
        SetTotal(await rows.CountAsync(ct));
        Rows = await rows.Skip(Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private IQueryable<CommunitySession> Query()
    {
        var now = Now;
        var sessions = db.CommunitySessions.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            sessions = sessions.Where(s => s.Group.Name.ToUpper().Contains(q) || (s.Chair != null && s.Chair.FullName.ToUpper().Contains(q)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (int.TryParse(Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort)) { sessions = sessions.Where(s => s.Group.CohortId == cohort); } else { Cohort = null; }
        sessions = State switch
        {
            "upcoming" => sessions.Where(s => s.CancelledAt == null && s.RecordedAt == null && s.StartsAt > now),
            "recorded" => sessions.Where(s => s.CancelledAt == null && s.RecordedAt != null),
            "unrecorded" => sessions.Where(s => s.CancelledAt == null && s.RecordedAt == null && s.StartsAt <= now),
            "cancelled" => sessions.Where(s => s.CancelledAt != null),
            _ => sessions,
        };
        if (States.All(s => s.Value != State)) { State = null; }
        if (ListOptions.Date(From) is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), LondonTime.Zone);
            sessions = sessions.Where(s => s.StartsAt >= fromUtc);
        }
        else
        {
            From = null;
        }
        if (ListOptions.Date(To) is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), LondonTime.Zone);
            sessions = sessions.Where(s => s.StartsAt < toUtc);
        }
        else
        {
            To = null;
        }
        return sessions;
    }
}
