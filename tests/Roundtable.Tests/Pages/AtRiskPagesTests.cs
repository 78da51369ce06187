using System.Net;
using System.Text;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

public class AtRiskPagesTests(AppFactory app) : AppTest(app)
{
    // Both delegates' tutorial 1 windows have closed unbooked (the cohort started on 23 July);
    // Ava also missed her group's last two sessions.
    private async Task<(Cohort Cohort, AppUser Ava, AppUser Ben, AppUser Tutor)> TwoAtRiskAsync()
    {
        await Data.ProgrammeTeamAsync();
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        var ava = await Data.DelegateAsync(cohort, "ava@test.example", tutor: tutor, name: "Ava Absent");
        var ben = await Data.DelegateAsync(cohort, "ben@test.example", name: "Ben Booked");
        var group = await App.GroupAsync(cohort, [ava, ben]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [ben], absent: [ava]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [ben], absent: [ava]);
        return (cohort, ava, ben, tutor);
    }

    [Fact]
    public async Task AtRisk_ListsReasonsEachLinkingToTheDelegate()
    {
        var (_, ava, _, _) = await TwoAtRiskAsync();
        var avaId = await Data.ParticipantIdAsync(ava);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/AtRisk");

        var row = page.QuerySelector($"#at-risk tr[data-delegate='{avaId}']")!;
        Assert.Contains("Ava Absent", row.TextContent, StringComparison.Ordinal);
        var missed = row.QuerySelector("li[data-reason='missed-two-sessions'] a")!;
        Assert.Equal($"/Programme/Projects/Delegate/{avaId}", missed.GetAttribute("href"));
        Assert.NotNull(row.QuerySelector("li[data-reason='tutorial-window-closed'] a"));
        Assert.Equal(2, page.QuerySelectorAll("#at-risk tbody tr").Length);
    }

    [Fact]
    public async Task AtRisk_FiltersByReasonCohortAndTutor()
    {
        var (cohort, _, _, tutor) = await TwoAtRiskAsync();
        var other = await Data.CohortAsync("NPQH Winter");
        await Data.DelegateAsync(other, name: "Olly Other");
        var client = await SignedInAsync("team@test.example");

        var byReason = await client.GetDocumentAsync("/Programme/AtRisk?reason=missed-two-sessions");
        var byCohort = await client.GetDocumentAsync($"/Programme/AtRisk?cohort={cohort.Id}");
        var byTutor = await client.GetDocumentAsync($"/Programme/AtRisk?tutor={tutor.Id}");

        static string[] Names(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll("#at-risk tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Ava Absent"], Names(byReason));
        Assert.Equal(["Ava Absent", "Ben Booked"], Names(byCohort));
        Assert.Equal(["Ava Absent"], Names(byTutor));
        Assert.Equal(["Ava Absent", "Ben Booked", "Olly Other"], Names(await client.GetDocumentAsync("/Programme/AtRisk")));
    }

    [Fact]
    public async Task AtRiskCsv_TheFiltersApplied_WithBom()
    {
        await TwoAtRiskAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync("/Programme/AtRisk?handler=Csv&reason=missed-two-sessions");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Ava Absent,ava@test.example,NPQH Summer,Tia Tutor,Missed the last two sessions,23/11/2026", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRiskCsv_Tutor_Refused()
    {
        await TwoAtRiskAsync();
        var client = await SignedInAsync("tutor@test.example");

        var response = await client.GetAsync("/Programme/AtRisk?handler=Csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TutorHome_ShowsTheirOwnDelegatesAtRiskOnly()
    {
        var (_, ava, _, _) = await TwoAtRiskAsync();
        var avaId = await Data.ParticipantIdAsync(ava);
        var client = await SignedInAsync("tutor@test.example");

        var page = await client.GetDocumentAsync("/Tutor");

        var rows = page.QuerySelectorAll("#at-risk tbody tr");
        Assert.Single(rows);
        Assert.Equal(avaId.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].GetAttribute("data-delegate"));
        Assert.Equal($"/Tutor/Projects/Delegate/{avaId}", rows[0].QuerySelector("li[data-reason='missed-two-sessions'] a")!.GetAttribute("href"));
    }
}
