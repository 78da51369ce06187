using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Lists;

// Every programme-team list: search, filters, sort and paging give the right rows (in the database,
// so on SQLite and PostgreSQL alike), and ?format=csv gives the same rows (all of them) as a CSV with
// a BOM, formulas escaped, line breaks replaced and UK dates, audited, and refused to other roles.
public class ListsTests(AppFactory app) : AppTest(app)
{
    // Every list page and what it is (README "Lists and exports"). A new list page deriving from
    // ListPageModel must be added here, or Every_ListPage_IsKnown fails.
    private static readonly string[] Paths =
    [
        "/Programme/People", "/Programme/Schools", "/Programme/Groups", "/Programme/Sessions", "/Programme/Tutorials",
        "/Programme/Invoices", "/Programme/Projects", "/Programme/Projects/Submissions", "/Programme/AtRisk", "/Programme/DashboardGroups",
    ];

    public static TheoryData<string> ListPages => new(Paths);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static string[] Column(IDocument page, string table, int column = 1) =>
        page.QuerySelectorAll($"#{table} tbody tr td:nth-child({column})").Select(c => c.TextContent.Trim()).ToArray();

    private static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Bom, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Every_ListPage_IsKnown()
    {
        var routes = typeof(ListPageModel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ListPageModel)) && !t.IsAbstract)
            .Select(t => t.FullName!.Replace("Roundtable.Web.Pages.", "/", StringComparison.Ordinal).Replace('.', '/')
                .Replace("Model", "", StringComparison.Ordinal).Replace("/IndexModel", "", StringComparison.Ordinal))
            .Select(r => r.EndsWith("/Index", StringComparison.Ordinal) ? r[..^"/Index".Length] : r)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Paths.Order(StringComparer.Ordinal), routes);
    }

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task Every_ListPage_HasFiltersCountAndACsvLinkKeepingTheFilters(string path)
    {
        await Data.ProgrammeTeamAsync();
        await Data.CohortAsync();
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync(path + "?q=nobody");

        Assert.NotNull(page.QuerySelector("form#list-filters[method=get] label[for=list-q]"));
        Assert.Matches(@"^0 .+ match$", page.QuerySelector("#list-count")!.TextContent.Trim());
        var csv = page.QuerySelector("a#list-csv")!.GetAttribute("href")!;
        Assert.Equal(path + "?q=nobody&format=csv", csv);
        var lines = await CsvLinesAsync(await client.GetAsync(csv));
        Assert.Single(lines); // the header only: the filter applied
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == ListExport.AuditSubject).SingleAsync());
        Assert.Contains("q=nobody", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task Every_ListAndItsCsv_RefusedToOtherRoles(string path)
    {
        var cohort = await Data.CohortAsync();
        foreach (var r in Roles.All.Where(r => r != Roles.ProgrammeTeam))
        {
            var email = $"{r.ToLowerInvariant()}@test.example";
            if (r == Roles.Delegate) { await Data.DelegateAsync(cohort, email); } else { await Data.UserAsync(email, roles: [r]); }
        }
        foreach (var r in Roles.All.Where(r => r != Roles.ProgrammeTeam))
        {
            var client = await SignedInAsync($"{r.ToLowerInvariant()}@test.example");
            foreach (var url in new[] { path, path + "?format=csv" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }
        var anonymous = await Anonymous().GetAsync(path + "?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == ListExport.AuditSubject)));
    }

    [Fact]
    public async Task People_SearchFilterSortAndPage_InTheDatabase()
    {
        await Data.ProgrammeTeamAsync();
        for (var i = 1; i <= 55; i++)
        {
            await Data.UserAsync($"zed{i:00}@test.example", $"Zed Tutor {i:00}", [Roles.Tutor], password: null);
        }
        await Data.UserAsync("zed.partner@test.example", "Zed Partner", [Roles.Partner], password: null);
        await Data.UserAsync("amy@test.example", "Amy Tutor", [Roles.Tutor], password: null);
        var client = await SignedInAsync("team@test.example");

        // "zed" in lower case finds "Zed" (case-insensitive on both databases); the role filter drops the partner.
        var first = await client.GetDocumentAsync("/Programme/People?q=zed&role=Tutor&sort=name&dir=desc");
        Assert.Equal("55 people match", first.QuerySelector("#list-count")!.TextContent.Trim());
        var names = Column(first, "list");
        Assert.Equal(50, names.Length);
        Assert.Equal("Zed Tutor 55", names[0]);
        Assert.Equal("Zed Tutor 06", names[^1]);
        Assert.Equal("descending", first.QuerySelector("th[data-sort=name]")!.GetAttribute("aria-sort"));
        Assert.Equal("none", first.QuerySelector("th[data-sort=email]")!.GetAttribute("aria-sort"));
        // The header link turns the order round and keeps the filters; the pagination keeps them too.
        Assert.Equal("/Programme/People?q=zed&role=Tutor&sort=name&dir=asc", first.QuerySelector("th[data-sort=name] a")!.GetAttribute("href"));
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Equal("/Programme/People?q=zed&role=Tutor&sort=name&dir=desc&p=2", next);

        var second = await client.GetDocumentAsync(next);
        Assert.Equal(["Zed Tutor 05", "Zed Tutor 04", "Zed Tutor 03", "Zed Tutor 02", "Zed Tutor 01"], Column(second, "list"));
        Assert.Equal("page", second.QuerySelector(".govuk-pagination__item--current a")!.GetAttribute("aria-current"));

        // A page past the end shows the last page.
        Assert.Equal(5, Column(await client.GetDocumentAsync("/Programme/People?q=ZED&role=Tutor&sort=name&dir=desc&p=99"), "list").Length);
        // Account filter: none of them has a password or an invitation.
        Assert.Equal("0 people match", (await client.GetDocumentAsync("/Programme/People?q=zed&account=active")).QuerySelector("#list-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task People_Csv_AllMatchingRows_BomEscapedOneLineUkDates_Audited()
    {
        await Data.ProgrammeTeamAsync();
        for (var i = 1; i <= 55; i++)
        {
            await Data.UserAsync($"zed{i:00}@test.example", $"Zed Tutor {i:00}", [Roles.Tutor], password: null);
        }
        await Data.UserAsync("formula@test.example", "=HYPERLINK(\"http://x\") Zed", [Roles.Tutor], password: null);
        await Data.UserAsync("break@test.example", "Zed\nBroken", [Roles.Tutor], password: null);
        await Data.UserAsync("other@test.example", "Zed Partner", [Roles.Partner], password: null);
        var client = await SignedInAsync("team@test.example");

        var lines = await CsvLinesAsync(await client.GetAsync("/Programme/People?q=zed&role=Tutor&sort=email&format=csv&p=2"));

        Assert.Equal("Name,E-mail,Roles,Account,Added on", lines[0]);
        Assert.Equal(1 + 57, lines.Length); // every matching row, not one page; the partner filtered out
        Assert.Equal("Zed / Broken,break@test.example,Tutor,Not invited,23/11/2026 10:00", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Zed Tutor 01,zed01@test.example,", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Zed Partner", StringComparison.Ordinal));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == ListExport.AuditSubject).SingleAsync());
        var team = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "team@test.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(team, audit.UserId);
        Assert.Equal("Exported list people with filters q=zed, role=Tutor, sort=email (57 rows)", audit.Detail);
    }

    [Fact]
    public async Task Schools_SearchFilterSort_AndCsv()
    {
        await Data.ProgrammeTeamAsync();
        await Data.SchoolAsync(100003, "Oak Primary", SchoolPhase.Primary, Region.London);
        await Data.SchoolAsync(100001, "Oakfield Primary", SchoolPhase.Primary, Region.SouthEast);
        await Data.SchoolAsync(100002, "Oak Secondary", SchoolPhase.Secondary, Region.London);
        await Data.SchoolAsync(100004, "Ash Primary", SchoolPhase.Primary, Region.London);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Schools?q=oak&phase=Primary&sort=urn&dir=desc");
        Assert.Equal(["Oak Primary", "Oakfield Primary"], Column(page, "list"));
        Assert.Equal(["Oak Primary"], Column(await client.GetDocumentAsync("/Programme/Schools?q=oak&phase=Primary&region=London"), "list"));
        Assert.Equal(["Ash Primary"], Column(await client.GetDocumentAsync("/Programme/Schools?q=100004"), "list"));

        var lines = await CsvLinesAsync(await client.GetAsync("/Programme/Schools?q=oak&phase=Primary&sort=urn&dir=desc&format=csv"));
        Assert.Equal(["School,URN,Phase,Setting,Region,On roll,Delegates", "Oak Primary,100003,Primary,Academy,London,300,0", "Oakfield Primary,100001,Primary,Academy,South East,300,0"], lines);
    }

    [Fact]
    public async Task Submissions_FilterSort_AndCsv()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var other = await Data.CohortAsync("NPQH Other");
        var ava = await Data.DelegateAsync(cohort, name: "Ava Able");
        var ben = await Data.DelegateAsync(cohort, name: "Ben Bold");
        var cal = await Data.DelegateAsync(other, name: "Cal Calm");
        await Data.SubmissionAsync(ava, 1, SubmissionStatus.Submitted);
        await Data.SubmissionAsync(ben, 1, SubmissionStatus.Submitted);
        await Data.SubmissionAsync(ben, 2, SubmissionStatus.Submitted);
        await Data.SubmissionAsync(cal, 1, SubmissionStatus.Submitted);
        await Data.SubmissionAsync(cal, 2, SubmissionStatus.Draft);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync($"/Programme/Projects/Submissions?project=1&cohort={cohort.Id}&sort=delegate&dir=desc");
        Assert.Equal(2, page.QuerySelectorAll("#submissions tbody tr").Length);
        Assert.StartsWith("Ben Bold", Column(page, "submissions")[0], StringComparison.Ordinal);
        Assert.Equal("3 submissions match", (await client.GetDocumentAsync("/Programme/Projects/Submissions?q=B")).QuerySelector("#list-count")!.TextContent.Trim());

        var lines = await CsvLinesAsync(await client.GetAsync($"/Programme/Projects/Submissions?project=1&cohort={cohort.Id}&sort=delegate&dir=desc&format=csv"));
        Assert.Equal("Delegate,Cohort,Project,Version,Submitted,Status,Outcome,Assessor", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Ben Bold,NPQH Test,1,1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Ava Able,NPQH Test,1,1,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoices_FilterSort_AndCsv_FinanceExportStillHasTheBom()
    {
        await Data.ProgrammeTeamAsync();
        var partnerUser = await Data.PartnerAsync();
        var partner = await App.PartnerProfileAsync(partnerUser);
        var b1 = await Data.TutorialAsync(App, partnerUser, new DateOnly(2026, 11, 2));
        var b2 = await Data.TutorialAsync(App, partnerUser, new DateOnly(2026, 11, 3));
        var b3 = await Data.TutorialAsync(App, partnerUser, new DateOnly(2026, 11, 4));
        await App.InvoiceAsync(partner, InvoiceStatus.Submitted, false, (b1, 10000));
        await App.InvoiceAsync(partner, InvoiceStatus.Paid, false, (b2, 30000));
        await App.InvoiceAsync(partner, InvoiceStatus.Submitted, true, (b3, 20000));
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Invoices?status=Submitted&sort=total&dir=asc&from=2026-11-23&to=2026-11-23");
        Assert.Equal(["£100.00", "£240.00"], Column(page, "invoices", 5));
        Assert.Null((await client.GetDocumentAsync("/Programme/Invoices?from=2026-11-24")).QuerySelector("#invoices"));

        var lines = await CsvLinesAsync(await client.GetAsync("/Programme/Invoices?status=Submitted&sort=total&dir=desc&format=csv"));
        Assert.Equal("Invoice,Partner,Date,Tutorials,Total,Status", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",Pip Partner,23/11/2026,1,240.00,Submitted", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Pip Partner,23/11/2026,1,100.00,Submitted", lines[2], StringComparison.Ordinal);

        var finance = await CsvLinesAsync(await client.GetAsync("/Programme/Invoices?handler=Export&Export.Status=Paid"));
        Assert.Equal(2, finance.Length);
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == ListExport.AuditSubject)));
    }

    [Fact]
    public async Task Tutorials_FilterSortPage_AndCsv()
    {
        await Data.ProgrammeTeamAsync();
        var partner = await Data.PartnerAsync();
        var cohort = await Data.CohortAsync();
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 2), BookingStatus.Held, cohort: cohort, delegateName: "Ava Able");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 9), BookingStatus.NoShow, cohort: cohort, delegateName: "Ben Bold");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 16), BookingStatus.Booked, feedback: false, cohort: cohort, delegateName: "Cal Calm", project: 2);
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 20), BookingStatus.Booked, feedback: false, cohort: cohort, delegateName: "Dot Done", project: 2);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Tutorials?from=2026-11-01&to=2026-11-16&sort=delegate&dir=desc");
        Assert.Equal(["Cal Calm", "Ben Bold", "Ava Able"], Column(page, "bookings", 2));
        Assert.Equal(["Cal Calm", "Dot Done"], Column(await client.GetDocumentAsync("/Programme/Tutorials?project=2&sort=date&dir=asc"), "bookings", 2));
        Assert.Equal(["Ben Bold"], Column(await client.GetDocumentAsync("/Programme/Tutorials?flag=noshow"), "bookings", 2));
        // Feedback outstanding: 16 November is more than two working days before Monday 23 November; 20 November is not.
        Assert.Equal(["Cal Calm"], Column(await client.GetDocumentAsync("/Programme/Tutorials?flag=overdue"), "bookings", 2));
        Assert.Equal(["Ava Able"], Column(await client.GetDocumentAsync("/Programme/Tutorials?q=ava"), "bookings", 2));

        var lines = await CsvLinesAsync(await client.GetAsync("/Programme/Tutorials?flag=overdue&format=csv"));
        Assert.Equal(["Date,Time (UK),Delegate,Partner,Project,Status,Outside the window,Feedback outstanding,Allowance restored",
            "16/11/2026,16:00,Cal Calm,Pip Partner,Project 2,Booked,No,Yes,No"], lines);
    }

    [Fact]
    public async Task GroupsAndSessions_FilterSort_AndCsv()
    {
        await Data.ProgrammeTeamAsync();
        var (cohort, members, group) = await Data.GroupWithMembersAsync(App, groupName: "Alder");
        var other = await Data.CohortAsync("NPQH Other");
        var birch = await App.GroupAsync(other, [], name: "Birch");
        await App.GroupAsync(cohort, [], published: false, name: "Cedar");
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: members.Take(3).ToArray(), absent: [members[3]]);
        await App.SessionAsync(group, TimeSpan.FromDays(7));
        await App.SessionAsync(birch, TimeSpan.FromDays(14));
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(["Alder", "Cedar"], Column(await client.GetDocumentAsync($"/Programme/Groups?cohort={cohort.Id}&sort=name"), "groups"));
        Assert.Equal(["Cedar"], Column(await client.GetDocumentAsync("/Programme/Groups?state=draft"), "groups"));
        Assert.Equal(["Birch"], Column(await client.GetDocumentAsync("/Programme/Groups?q=BIR"), "groups"));
        var groupLines = await CsvLinesAsync(await client.GetAsync($"/Programme/Groups?cohort={cohort.Id}&sort=members&format=csv"));
        Assert.Equal(["Group,Cohort,State,Members,Sessions,Sessions recorded", "Alder,NPQH Test,Published,4,2,1", "Cedar,NPQH Test,Draft,0,0,0"], groupLines);

        var sessions = await client.GetDocumentAsync("/Programme/Sessions?sort=date&dir=asc");
        Assert.Equal(["Alder", "Alder", "Birch"], Column(sessions, "sessions", 2));
        Assert.Equal(["Birch"], Column(await client.GetDocumentAsync($"/Programme/Sessions?cohort={other.Id}"), "sessions", 2));
        Assert.Equal(2, Column(await client.GetDocumentAsync("/Programme/Sessions?state=upcoming"), "sessions", 2).Length);
        var sessionLines = await CsvLinesAsync(await client.GetAsync("/Programme/Sessions?state=recorded&format=csv"));
        Assert.Equal(2, sessionLines.Length);
        Assert.StartsWith("16/11/2026,", sessionLines[1], StringComparison.Ordinal);
        Assert.Contains(",Alder,NPQH Test,Online,", sessionLines[1], StringComparison.Ordinal);
        Assert.Contains(",Recorded,3,1,", sessionLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_SearchFilterSort_AndCsv()
    {
        await Data.ProgrammeTeamAsync();
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var other = await Data.CohortAsync("NPQH Other");
        await Data.DelegateAsync(cohort, name: "Ava Able", tutor: tutor);
        await Data.DelegateAsync(cohort, name: "Ben Bold");
        await Data.DelegateAsync(other, name: "Cal Calm", tutor: tutor);
        await Data.DelegateAsync(await Data.CohortAsync("Leading Teaching", "NPQLT"), name: "Not Npqh");
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(["Cal Calm", "Ben Bold", "Ava Able"], Column(await client.GetDocumentAsync("/Programme/Projects?sort=name&dir=desc"), "progress"));
        Assert.Equal(["Ava Able", "Ben Bold"], Column(await client.GetDocumentAsync($"/Programme/Projects?cohort={cohort.Id}"), "progress"));
        Assert.Equal(["Ava Able", "Cal Calm"], Column(await client.GetDocumentAsync($"/Programme/Projects?tutor={tutor.Id}"), "progress"));
        Assert.Equal(["Ben Bold"], Column(await client.GetDocumentAsync("/Programme/Projects?q=bold"), "progress"));

        var lines = await CsvLinesAsync(await client.GetAsync($"/Programme/Projects?tutor={tutor.Id}&sort=cohort&format=csv"));
        Assert.Equal(3, lines.Length); // by cohort name: "NPQH Other" before "NPQH Test"
        Assert.StartsWith("Cal Calm,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Ava Able,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",NPQH Test,Tia Tutor,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",Not started,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRisk_SortPage_AndCsvWithFormat()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var ava = await Data.DelegateAsync(cohort, name: "Ava Absent");
        var ben = await Data.DelegateAsync(cohort, name: "Ben Booked");
        var group = await App.GroupAsync(cohort, [ava, ben]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [ben], absent: [ava]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [ben], absent: [ava]);
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(["Ben Booked", "Ava Absent"], Column(await client.GetDocumentAsync("/Programme/AtRisk?sort=name&dir=desc"), "at-risk"));
        Assert.Equal(["Ava Absent", "Ben Booked"], Column(await client.GetDocumentAsync("/Programme/AtRisk?sort=reasons"), "at-risk"));
        Assert.Equal(["Ben Booked"], Column(await client.GetDocumentAsync("/Programme/AtRisk?q=BEN"), "at-risk"));

        var lines = await CsvLinesAsync(await client.GetAsync("/Programme/AtRisk?reason=missed-two-sessions&format=csv"));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Ava Absent,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",23/11/2026", lines[1], StringComparison.Ordinal);
    }
}
