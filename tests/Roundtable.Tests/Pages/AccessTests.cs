using System.Net;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

// Every page without an id in its address, against every role: who gets in and who is turned away.
// Pages about one record (a booking, an invoice) are tested for the people who must not reach them
// beside their feature's other tests.
public class AccessTests(AppFactory app) : AppTest(app)
{
    public static readonly TheoryData<string, string> PagesByRole = new()
    {
        { "/Programme", Roles.ProgrammeTeam },
        { "/Programme/Cohorts", Roles.ProgrammeTeam },
        { "/Programme/Cohorts/Edit", Roles.ProgrammeTeam },
        { "/Programme/People", Roles.ProgrammeTeam },
        { "/Programme/People/Edit", Roles.ProgrammeTeam },
        { "/Programme/Schools", Roles.ProgrammeTeam },
        { "/Programme/Imports", Roles.ProgrammeTeam },
        { "/Programme/Schools/Edit", Roles.ProgrammeTeam },
        { "/Programme/Programmes", Roles.ProgrammeTeam },
        { "/Programme/Programmes/Edit", Roles.ProgrammeTeam },
        { "/Programme/Communities", Roles.ProgrammeTeam },
        { "/Programme/Communities/Protocol", Roles.ProgrammeTeam },
        { "/Programme/Protocols", Roles.ProgrammeTeam },
        { "/Communities", Roles.Delegate },
        { "/Communities/Buddy", Roles.Delegate },
        { "/Tutor", Roles.Tutor },
        { "/Delegate", Roles.Delegate },
        { "/Partner", Roles.Partner },
        { "/Assessor", Roles.Assessor },
        { "/Partner/Profile", Roles.Partner },
        { "/Partner/Slots", Roles.Partner },
        { "/Programme/Tutorials", Roles.ProgrammeTeam },
        { "/Programme/Tutorials/Windows", Roles.ProgrammeTeam },
        { "/Partner/Invoices", Roles.Partner },
        { "/Programme/Invoices", Roles.ProgrammeTeam },
        { "/Programme/Invoices/Fees", Roles.ProgrammeTeam },
        { "/Programme/Invoices/SelfBilling", Roles.ProgrammeTeam },
        { "/Partner/SelfBilling", Roles.Partner },
        { "/Partner/Contacts", Roles.Partner },
        { "/Programme/Tutorials/Contacts", Roles.ProgrammeTeam },
        { "/Programme/Audit", Roles.ProgrammeTeam },
        { "/Programme/AtRisk", Roles.ProgrammeTeam },
        { "/Programme/Groups", Roles.ProgrammeTeam },
        { "/Programme/Sessions", Roles.ProgrammeTeam },
        { "/Programme/Dashboard", Roles.ProgrammeTeam },
        { "/Programme/DashboardGroups", Roles.ProgrammeTeam },
        { "/Projects", Roles.Delegate },
        { "/Projects/Project1", Roles.Delegate },
        { "/Projects/Project2", Roles.Delegate },
        { "/Projects/Placement", Roles.Delegate },
        { "/Projects/Budget", Roles.Delegate },
        { "/Projects/Submission/1", Roles.Delegate },
        { "/Projects/Submission/2", Roles.Delegate },
        { "/Projects/Exemplars", Roles.Delegate },
        { "/Programme/Projects", Roles.ProgrammeTeam },
        { "/Programme/Projects/Criteria", Roles.ProgrammeTeam },
        { "/Programme/Projects/Criterion", Roles.ProgrammeTeam },
        { "/Programme/Projects/Terms", Roles.ProgrammeTeam },
        { "/Programme/Projects/Term", Roles.ProgrammeTeam },
        { "/Programme/Projects/BankHolidays", Roles.ProgrammeTeam },
        { "/Programme/Projects/Exemplars", Roles.ProgrammeTeam },
        { "/Programme/Projects/Submissions", Roles.ProgrammeTeam },
        { "/Programme/CaseStudies", Roles.ProgrammeTeam },
        { "/CaseStudies", Roles.Delegate },
        { "/Tutor/Projects", Roles.Tutor },
        { "/Tutorials", Roles.Delegate },
        { "/Tutorials/Partners?project=1", Roles.Delegate },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Page_OpensForItsRole_AndIsRefusedToEveryOther(string path, string role)
    {
        // The delegate is on an NPQH cohort, so that the pages for NPQH delegates show their content.
        var cohort = await Data.CohortAsync();
        foreach (var r in Roles.All)
        {
            var email = $"{r.ToLowerInvariant()}@test.example";
            if (r == Roles.Delegate)
            {
                await Data.DelegateAsync(cohort, email);
            }
            else
            {
                await Data.UserAsync(email, roles: [r]);
            }
        }

        foreach (var r in Roles.All)
        {
            var client = await SignedInAsync($"{r.ToLowerInvariant()}@test.example");
            var response = await client.GetAsync(path);
            if (r == role)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{r} should open {path}, got {(int)response.StatusCode}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }

        var anonymous = await Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ProgrammeTeam, "/Programme/Index")]
    [InlineData(Roles.Tutor, "/Tutor/Index")]
    [InlineData(Roles.Delegate, "/Delegate/Index")]
    [InlineData(Roles.Partner, "/Partner/Index")]
    [InlineData(Roles.Assessor, "/Assessor/Index")]
    public async Task Home_SendsEachRoleToItsOwnPage(string role, string expected)
    {
        await Data.UserAsync("me@test.example", roles: [role]);
        var client = await SignedInAsync("me@test.example");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected.Replace("/Index", "", StringComparison.Ordinal), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Navigation_ShowsOnlyWhatTheRolesMayUse()
    {
        await Data.UserAsync("two@test.example", roles: [Roles.Tutor, Roles.Partner]);
        var client = await SignedInAsync("two@test.example");

        var page = await client.GetDocumentAsync("/Tutor");
        var links = page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/Tutor", "/Tutor/Projects", "/Partner", "/Partner/Slots", "/Partner/Profile", "/Partner/Invoices"], links);
    }

    [Fact]
    public async Task UnknownPage_Is404WithAFriendlyPage()
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync("/Programme/Cohorts/Details/9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", (await Html.ParseAsync(response)).Text(), StringComparison.Ordinal);
    }
}
