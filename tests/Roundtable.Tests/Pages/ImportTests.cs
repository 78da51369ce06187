using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

public class ImportTests(AppFactory app) : AppTest(app)
{
    private const string Header = "email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email";

    private static string Row(int n, int urn = 123456, string phase = "Primary", string email = "") =>
        $"{(email.Length > 0 ? email : $"d{n}@test.example")},Delegate {n},{urn},School {urn},{phase},Academy,South East,400,{1 + (n % 28)}/{1 + (n % 12)},";

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private async Task<(HttpClient Client, Cohort Cohort)> SetUpAsync()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        return (await SignedInAsync("team@test.example"), cohort);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int cohortId, byte[] bytes, string fileName = "delegates.csv")
    {
        var page = await client.GetDocumentAsync($"/Programme/Cohorts/Import/{cohortId}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        return await client.PostAsync($"/Programme/Cohorts/Import/{cohortId}?handler=Upload", content);
    }

    private static async Task<IDocument> PreviewAsync(HttpClient client, int cohortId, string csv)
    {
        var response = await UploadAsync(client, cohortId, Encoding.UTF8.GetBytes(csv));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload gave {(int)response.StatusCode}: {(await Html.ParseAsync(response)).Text()}");
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IDocument preview, bool skipErrors = false) =>
        client.SubmitAsync(preview, skipErrors ? new() { ["SkipErrors"] = "true" } : [], "form[action*='handler=Confirm']");

    private static List<string> Results(IDocument preview, string table = "#import-rows") =>
        preview.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.Children[^1].TextContent.Trim()).ToList();

    private Task<int> DelegatesAsync(int cohortId) => App.WithDbAsync(db => db.Participants.CountAsync(p => p.CohortId == cohortId));

    [Fact]
    public async Task ValidFile_PreviewWritesNothing_ConfirmImports_ReimportChangesNothing()
    {
        var (client, cohort) = await SetUpAsync();
        var csv = Csv(Row(1), Row(2, urn: 234567, phase: "Secondary"), Row(3));

        var preview = await PreviewAsync(client, cohort.Id, csv);
        Assert.All(Results(preview), r => Assert.StartsWith("new", r, StringComparison.Ordinal));
        Assert.Equal(0, await DelegatesAsync(cohort.Id));

        var confirmed = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(3, await DelegatesAsync(cohort.Id));
        Assert.Equal(2, await App.WithDbAsync(db => db.Schools.CountAsync()));

        var again = await PreviewAsync(client, cohort.Id, csv);
        Assert.Equal(["unchanged", "unchanged", "unchanged"], Results(again));
        Assert.Contains("This file changes nothing", again.Text(), StringComparison.Ordinal);
        Assert.Equal(4, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    // The import writes people without Identity's UserManager: they must be complete Identity users
    // (normalised, stamped, delegates, audited one by one) who can be invited and sign in.
    [Fact]
    public async Task ImportedDelegate_IsACompleteUser_AuditedAndAbleToSignInFromAnInvitation()
    {
        var (client, cohort) = await SetUpAsync();
        var preview = await PreviewAsync(client, cohort.Id, Csv(Row(1, email: "New.Person@Test.Example"), Row(2)));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, preview)).StatusCode);

        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "New.Person@Test.Example"));
        Assert.Equal(("NEW.PERSON@TEST.EXAMPLE", "NEW.PERSON@TEST.EXAMPLE", "Delegate 1"), (user.NormalizedEmail, user.NormalizedUserName, user.FullName));
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        Assert.Null(user.PasswordHash);
        var trail = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.PersonId == user.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["E-mail address added", "Role added"], trail.Order(StringComparer.Ordinal));
        Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == Roundtable.Web.Infrastructure.Audit.AuditedKinds.Import).ToListAsync()));

        var page = await client.GetDocumentAsync($"/Programme/People/Edit/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, [], "form[action*='handler=Invite']")).StatusCode);
        var mail = await App.Smtp.WaitForMessageToAsync("New.Person@Test.Example");
        var link = new Uri(AccountTests.Link().Match(mail.TextBody!).Value);
        var invited = Anonymous();
        var set = await invited.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "My-own-password", ["Input.Confirm"] = "My-own-password" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync("/Delegate")).StatusCode);
        var again = await SignedInAsync("new.person@test.example", "My-own-password");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Delegate")).StatusCode);
    }

    [Fact]
    public async Task ChangedRow_IsAnUpdateNotADuplicate()
    {
        var (client, cohort) = await SetUpAsync();
        await ConfirmAsync(client, await PreviewAsync(client, cohort.Id, Csv(Row(1))));

        var preview = await PreviewAsync(client, cohort.Id, Csv(Row(1).Replace("Delegate 1", "Delegate One", StringComparison.Ordinal)));
        Assert.Equal(["update (name)"], Results(preview));
        await ConfirmAsync(client, preview);

        Assert.Equal("Delegate One", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "d1@test.example").Select(u => u.FullName).SingleAsync()));
        Assert.Equal(1, await DelegatesAsync(cohort.Id));
    }

    [Fact]
    public async Task RowsWithErrors_AreNamed_AndNothingIsImportedUnlessSkipped()
    {
        var (client, cohort) = await SetUpAsync();
        var csv = Csv(
            Row(1),
            Row(2, email: "not-an-email"),
            ",Nobody,123456,School,Primary,Academy,London,,,",
            Row(4, urn: 12),
            Row(5, phase: "Kindergarten"),
            Row(6, email: "d1@test.example"),
            "d7@test.example,Delegate 7,345678,School,Primary,Academy,London,,,tutor@nowhere.example");

        var preview = await PreviewAsync(client, cohort.Id, csv);
        var errors = Results(preview, "#import-errors");
        Assert.Contains("error: bad e-mail address 'not-an-email'", errors);
        Assert.Contains("error: missing e-mail", errors);
        Assert.Contains("error: bad URN '12': a URN is six digits", errors);
        Assert.Contains(errors, e => e.StartsWith("error: unknown phase 'Kindergarten'", StringComparison.Ordinal));
        Assert.Contains("error: duplicate row: d1@test.example is already on line 2", errors);
        Assert.Contains("error: unknown tutor 'tutor@nowhere.example': no tutor has that e-mail", errors);

        var refused = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(refused)), e => e.Contains("nothing was imported", StringComparison.Ordinal));
        Assert.Equal(0, await DelegatesAsync(cohort.Id));

        var skipped = await ConfirmAsync(client, preview, skipErrors: true);
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal(1, await DelegatesAsync(cohort.Id));
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("email,name\nx@test.example,X\n", "The file has no 'school_urn', 'school_name', 'phase', 'setting_type', 'region' column")]
    [InlineData("email,name,school_urn,school_name,phase,setting_type,region\n", "The file has column names but no rows")]
    public async Task MalformedFile_GetsAClearMessage(string csv, string message)
    {
        var (client, cohort) = await SetUpAsync();

        var response = await UploadAsync(client, cohort.Id, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.StartsWith(message, StringComparison.Ordinal) || (csv.Length == 0 && e == "The selected file is empty"));
        Assert.False(await App.WithDbAsync(db => db.PendingImports.AnyAsync()));
    }

    [Fact]
    public async Task BinaryOrWrongTypeFile_IsRefused()
    {
        var (client, cohort) = await SetUpAsync();

        var binary = await UploadAsync(client, cohort.Id, [0xFF, 0xFE, 0x00, 0x01, 0x02], "delegates.csv");
        var wrongType = await UploadAsync(client, cohort.Id, Encoding.UTF8.GetBytes(Csv(Row(1))), "delegates.xlsx");

        Assert.NotEmpty(Html.Errors(await Html.ParseAsync(binary)));
        Assert.Contains("The selected file must be a CSV file (save it from your spreadsheet as 'CSV UTF-8')", Html.Errors(await Html.ParseAsync(wrongType)));
    }

    [Fact]
    public async Task FiftyMegabyteUpload_IsRefusedWithAClearMessage()
    {
        var (client, cohort) = await SetUpAsync();

        var response = await UploadAsync(client, cohort.Id, new byte[50 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The selected file must be smaller than 10 MB", Html.Errors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task TenThousandRows_ImportInOneGo()
    {
        var (client, cohort) = await SetUpAsync();
        var rows = Enumerable.Range(1, 10_000).Select(n => Row(n, urn: 100000 + (n % 3000))).ToArray();
        var csv = Csv(rows);

        var preview = await PreviewAsync(client, cohort.Id, csv);
        Assert.Contains("10000", preview.QuerySelector(".rt-stat__value")!.TextContent, StringComparison.Ordinal);
        var confirmed = await ConfirmAsync(client, preview);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(10_000, await DelegatesAsync(cohort.Id));
        Assert.Equal(3000, await App.WithDbAsync(db => db.Schools.CountAsync()));
        var again = await PreviewAsync(client, cohort.Id, csv);
        Assert.Equal("10000", again.QuerySelectorAll(".rt-stat__value")[2].TextContent.Trim());
    }

    [Fact]
    public async Task ConfirmingTwiceAtOnce_ImportsOnce()
    {
        var (client, cohort) = await SetUpAsync();
        var preview = await PreviewAsync(client, cohort.Id, Csv(Enumerable.Range(1, 50).Select(n => Row(n)).ToArray()));

        var results = await Task.WhenAll(ConfirmAsync(client, preview), ConfirmAsync(client, preview));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var loser = results.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(loser)), e => e.Contains("already been confirmed", StringComparison.Ordinal));
        Assert.Equal(50, await DelegatesAsync(cohort.Id));
    }

    [Fact]
    public async Task ImportPage_IsForTheProgrammeTeamOnly()
    {
        var cohort = await Data.CohortAsync();
        await Data.TutorAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        var response = await tutor.GetAsync($"/Programme/Cohorts/Import/{cohort.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static List<string> WaitingImports(IDocument page) =>
        page.QuerySelectorAll("#imports tbody tr").Select(tr => tr.TextContent).ToList();

    private static string AttentionCount(IDocument home) =>
        home.QuerySelector("[data-attention=imports] .rt-stat__value")!.TextContent.Trim();

    [Fact]
    public async Task FileWithErrors_WaitsOnTheTeamsList_UntilImportedOrExpired()
    {
        var (client, cohort) = await SetUpAsync();
        Assert.Equal("0", AttentionCount(await client.GetDocumentAsync("/Programme")));
        Assert.NotNull((await client.GetDocumentAsync("/Programme/Imports")).QuerySelector("#no-imports"));

        await PreviewAsync(client, cohort.Id, Csv(Row(1), Row(2)));
        var withErrors = await PreviewAsync(client, cohort.Id, Csv(Row(3), Row(4, email: "not-an-address")));

        var list = await client.GetDocumentAsync("/Programme/Imports");
        var row = Assert.Single(WaitingImports(list));
        Assert.Contains("1 row has errors", row, StringComparison.Ordinal);
        Assert.Contains(cohort.Name, row, StringComparison.Ordinal);
        var link = list.QuerySelector("#imports tbody a")!.GetAttribute("href")!;
        Assert.Equal(withErrors.Url, new Uri(new Uri(withErrors.Url), link).ToString());
        var home = await client.GetDocumentAsync("/Programme");
        Assert.Equal("1", AttentionCount(home));
        Assert.Equal("/Programme/Imports", home.QuerySelector("[data-attention=imports] a")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, withErrors, skipErrors: true)).StatusCode);
        Assert.Empty(WaitingImports(await client.GetDocumentAsync("/Programme/Imports")));

        await PreviewAsync(client, cohort.Id, Csv(Row(5, email: "still-not-an-address")));
        Assert.Equal("1", AttentionCount(await client.GetDocumentAsync("/Programme")));
        App.Clock.Advance(PendingImportQueries.Lifetime + TimeSpan.FromMinutes(1));
        var nextDay = await SignedInAsync("team@test.example");
        Assert.Equal("0", AttentionCount(await nextDay.GetDocumentAsync("/Programme")));
    }
}
