using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Privacy;

namespace Roundtable.Tests.Privacy;

public class PrivacyPagesTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task PrivacyPage_OpenToAnyone_SaysWhatIsHeldForHowLong_AndEssentialCookiesOnly_LinkedInTheFooter()
    {
        var page = await Anonymous().GetDocumentAsync("/Privacy");

        Assert.Contains("1 year after the end of your programme", page.QuerySelector("#keep-delegate-records")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 years from the invoice date", page.QuerySelector("#keep-invoices")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("only essential cookies", page.Text("#cookies ~ p"), StringComparison.Ordinal);
        var home = await Anonymous().GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/Privacy']"));
    }

    [Fact]
    public async Task MePage_OffersDownloadMyData()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");

        var page = await (await SignedInAsync("d@test.example")).GetDocumentAsync("/Me");

        Assert.Equal("/api/v1/me/export", page.QuerySelector("#download-my-data")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ErasePage_SaysWhatWillBeDeletedAndKept_NeedsTheConfirmation_ThenErases()
    {
        var world = await Data.RichWorldAsync(App);
        var team = await SignedInAsync("team@test.example");
        var person = await team.GetDocumentAsync($"/Programme/People/Edit/{world.Dana.Id}");
        Assert.Equal($"/Programme/People/Erase/{world.Dana.Id}", person.QuerySelector("#erase-person")!.GetAttribute("href"));
        Assert.Equal($"/api/v1/people/{world.Dana.Id}/export", person.QuerySelector("#export-person")!.GetAttribute("href"));

        var page = await team.GetDocumentAsync($"/Programme/People/Erase/{world.Dana.Id}");
        var willDelete = page.Text("#will-delete");
        Assert.Contains("1 problem cards", willDelete, StringComparison.Ordinal);
        Assert.Contains("1 buddy notes", willDelete, StringComparison.Ordinal);
        Assert.Contains("1 draft submissions", willDelete, StringComparison.Ordinal);
        Assert.Contains("1 submitted work with an assessment outcome", page.Text("#will-keep"), StringComparison.Ordinal);

        var unconfirmed = await team.PostFormAsync($"/Programme/People/Erase/{world.Dana.Id}", []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Confirm that you want to erase this person", Html.Errors(await Html.ParseAsync(unconfirmed))[0], StringComparison.Ordinal);
        Assert.Equal(PrivacyBuilders.DanaName, await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Dana.Id).Select(u => u.FullName).SingleAsync()));

        var erased = await team.PostFormAsync($"/Programme/People/Erase/{world.Dana.Id}", new() { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Equal(Erasure.FormerMember, await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Dana.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task ErasePage_NotTheTeam_IsRefused()
    {
        var world = await Data.RichWorldAsync(App);
        var other = await SignedInAsync("olly.other@test.example");
        var response = await other.GetAsync($"/Programme/People/Erase/{world.Dana.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        await other.PostAsync($"/Programme/People/Erase/{world.Dana.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirm"] = "true" }));
        Assert.Equal(PrivacyBuilders.DanaName, await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Dana.Id).Select(u => u.FullName).SingleAsync()));
    }
}
