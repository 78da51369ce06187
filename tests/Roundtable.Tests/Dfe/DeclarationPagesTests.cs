using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Pages;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;

namespace Roundtable.Tests.Dfe;

// The programme team's declarations page, its rules and the void confirmation, through real form posts.
public class DeclarationPagesTests(AppFactory app) : DfeTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    [Fact]
    public async Task Page_ListsReadyWithEvidence_SendsTheSelected_AndShowsDfesAnswer()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1, name: "Ada Lovelace");
        await Data.DfeDelegateAsync(App, cohort, Fake, "ben@test.example", sessionsAttended: 1, name: "Ben Okri");
        var client = await TeamAsync();

        var page = await client.GetDocumentAsync("/Programme/Dfe/Declarations");
        var ready = page.Text("#ready");
        var response = await client.SendFormAsync(page, "#submit-form", [new("DelegateIds", ada.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var after = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Ada Lovelace", ready, StringComparison.Ordinal);
        Assert.Contains("Started, dated 16 November 2026", ready, StringComparison.Ordinal);
        Assert.Contains("1 community session attended (16 November 2026)", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("1 declaration sent to DfE: 1 submitted, 0 refused, 0 failed", after.Text(), StringComparison.Ordinal);
        var atDfe = Assert.Single(Fake.Declarations);
        Assert.Equal(atDfe.Id, after.QuerySelector("#sent [data-dfe-id]")!.TextContent);
        Assert.Contains("Ben Okri", after.QuerySelector("#ready")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Lovelace", after.QuerySelector("#ready")!.TextContent, StringComparison.Ordinal);
        AssertNoViolations();
    }

    [Fact]
    public async Task Page_SendSelectedWithNothingTicked_ShowsTheError()
    {
        var cohort = await Data.DfeCohortAsync(App);
        await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();

        var page = await client.GetDocumentAsync("/Programme/Dfe/Declarations");
        var response = await client.SendFormAsync(page, "#submit-form");
        var shown = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select the declarations to send", Assert.Single(Html.Errors(shown)), StringComparison.Ordinal);
        Assert.Empty(Fake.Declarations);
    }

    [Fact]
    public async Task Page_SendAll_ThenVoidWithConfirmation()
    {
        var cohort = await Data.DfeCohortAsync(App);
        await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1, name: "Ada Lovelace");
        var client = await TeamAsync();
        var page = await client.GetDocumentAsync("/Programme/Dfe/Declarations");
        await client.SendFormAsync(page, "#submit-form", action: page.ButtonAction("Send all ready declarations"));
        var id = await App.WithDbAsync(db => db.Declarations.Select(d => d.Id).SingleAsync());

        var confirm = await client.GetDocumentAsync($"/Programme/Dfe/VoidDeclaration/{id}");
        var voided = await client.SendFormAsync(confirm, "main form");
        var after = await client.GetDocumentAsync(voided.Headers.Location!.OriginalString);

        Assert.Contains("Void Ada Lovelace's started declaration", confirm.Text("h1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        Assert.Contains("has been voided at DfE", after.Text(), StringComparison.Ordinal);
        Assert.Equal("voided", Assert.Single(Fake.Declarations).State);
        Assert.Equal(DeclarationState.Voided, await App.WithDbAsync(db => db.Declarations.Select(d => d.State).SingleAsync()));
        AssertNoViolations();
    }

    [Fact]
    public async Task Rules_InvalidShowErrors_ValidAreSavedAudited_AndUsed()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 2);
        await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Submitted, dfeId: Guid.NewGuid().ToString());
        var client = await TeamAsync();

        var invalid = await client.PostFormAsync("/Programme/Dfe/DeclarationRules",
            new() { ["Input.StartedAfter"] = "1", ["Input.Retained1After"] = "1", ["Input.Retained2After"] = "x" });
        var errors = Html.Errors(await Html.ParseAsync(invalid));
        var before = await client.GetDocumentAsync("/Programme/Dfe/Declarations");
        var saved = await client.PostFormAsync("/Programme/Dfe/DeclarationRules",
            new() { ["Input.StartedAfter"] = "1", ["Input.Retained1After"] = "2", ["Input.Retained2After"] = "3" });
        var after = await client.GetDocumentAsync("/Programme/Dfe/Declarations");

        Assert.Equal(2, errors.Count);
        Assert.Null(before.QuerySelector("#ready"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Retained 1, dated 16 November 2026", after.Text("#ready"), StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == AuditedKinds.Settings && a.Action.StartsWith("DfE declaration rules")).ToListAsync());
        Assert.Contains("Retained1After", Assert.Single(audit).Changes, StringComparison.Ordinal);
    }

    public static readonly TheoryData<string, string> PagesAndRoles = new()
    {
        { "/Programme/Dfe/Declarations", Roles.Delegate },
        { "/Programme/Dfe/Declarations", Roles.Tutor },
        { "/Programme/Dfe/Declarations", Roles.Partner },
        { "/Programme/Dfe/Declarations", Roles.Assessor },
        { "/Programme/Dfe/DeclarationRules", Roles.Delegate },
        { "/Programme/Dfe/DeclarationRules", Roles.Tutor },
        { "/Programme/Dfe/DeclarationRules", Roles.Partner },
        { "/Programme/Dfe/DeclarationRules", Roles.Assessor },
    };

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task Pages_OtherRoles_AreTurnedAway(string path, string role)
    {
        var cohort = await Data.DfeCohortAsync(App);
        if (role == Roles.Delegate)
        {
            await Data.DelegateAsync(cohort, "someone@test.example");
        }
        else
        {
            await Data.UserAsync("someone@test.example", roles: [role]);
        }
        var client = await SignedInAsync("someone@test.example");

        var response = await client.GetAsync(path);
        var anonymous = await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoidPage_OtherRoles_AreTurnedAway_AndNothingIsVoided()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        var row = await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Submitted, dfeId: Guid.NewGuid().ToString());
        var client = await SignedInAsync("ada@test.example");

        var response = await client.GetAsync($"/Programme/Dfe/VoidDeclaration/{row.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(DeclarationState.Submitted, await App.WithDbAsync(db => db.Declarations.Select(d => d.State).SingleAsync()));
    }
}
