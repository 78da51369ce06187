using AngleSharp.Dom;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Pages;

// The programme home's "needs attention" counts for tutorials are database counts with the
// Tutorials page's definitions (its "overdue" and "late" flags).
public class ProgrammeHomeTests(AppFactory app) : AppTest(app)
{
    private static string Count(IDocument page, string id) =>
        page.QuerySelector($"[data-attention={id}] .rt-stat__value")!.TextContent.Trim();

    [Fact]
    public async Task Home_CountsFeedbackOverdueAndLateCancellations()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        // Ten days ago without feedback: overdue. Three hours ago: awaiting, not overdue yet.
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-10)), await Data.DelegateAsync(cohort, "ann@test.example", name: "Ann Overdue"));
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromHours(-3)), await Data.DelegateAsync(cohort, "bob@test.example", name: "Bob Recent"));
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-20)), await Data.DelegateAsync(cohort, "cat@test.example", name: "Cat Late"),
            status: BookingStatus.LateCancelled);
        var held = await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-30)), await Data.DelegateAsync(cohort, "dan@test.example", name: "Dan Held"));
        await App.FeedbackAsync(held);
        var client = await SignedInAsync("team@test.example");

        var home = await client.GetDocumentAsync("/Programme");

        Assert.Equal("1", Count(home, "feedback"));
        Assert.Equal("1", Count(home, "late"));
        Assert.Equal("/Programme/Tutorials?flag=overdue", home.QuerySelector("[data-attention=feedback] a")!.GetAttribute("href"));

        // Nine days earlier, Ann's tutorial was the day before: not overdue yet.
        App.Clock.Reset(TestClock.Start.AddDays(-9));
        home = await client.GetDocumentAsync("/Programme");
        Assert.Equal("0", Count(home, "feedback"));
        Assert.Equal("1", Count(home, "late"));
    }
}
