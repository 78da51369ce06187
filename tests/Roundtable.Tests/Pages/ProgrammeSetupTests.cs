using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

public class ProgrammeSetupTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    [Fact]
    public async Task Programme_CreateThenDuplicateCode_SecondIsAFieldError()
    {
        var client = await TeamAsync();

        var first = await client.PostFormAsync("/Programme/Programmes/Edit", new() { ["Input.Code"] = "npqh", ["Input.Name"] = "Headship", ["Input.FrameworkAreas"] = "Teaching" });
        var second = await client.PostFormAsync("/Programme/Programmes/Edit", new() { ["Input.Code"] = "NPQH", ["Input.Name"] = "Again", ["Input.FrameworkAreas"] = "Teaching" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("There is already a programme with the code NPQH", Html.Errors(await Html.ParseAsync(second)));
        Assert.Equal(["NPQH"], await App.WithDbAsync(db => db.Programmes.Select(p => p.Code).ToListAsync()));
    }

    [Fact]
    public async Task Programme_FrameworkAreas_AreWhatProblemCardsOffer()
    {
        var client = await TeamAsync();
        var cohort = await Data.CohortAsync();
        var programmeId = await App.WithDbAsync(db => db.Programmes.Select(p => p.Id).SingleAsync());
        var url = $"/Programme/Programmes/Edit/{programmeId}";

        var empty = await client.PostFormAsync(url, new() { ["Input.Code"] = "NPQH", ["Input.Name"] = "Headship", ["Input.FrameworkAreas"] = " \n " });
        Assert.Contains("Enter at least one framework area, one to a line", Html.Errors(await Html.ParseAsync(empty)));

        var saved = await client.PostFormAsync(url, new() { ["Input.Code"] = "NPQH", ["Input.Name"] = "Headship", ["Input.FrameworkAreas"] = "Leading change\nSchool culture\nleading change" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var member = await Data.DelegateAsync(cohort, "area@test.example");
        var group = await App.GroupAsync(cohort, [member]);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        var form = await (await SignedInAsync("area@test.example")).GetDocumentAsync($"/Communities/Problem/{session.Id}");
        var options = form.QuerySelectorAll("#Input_FrameworkArea option").Select(o => o.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Equal(["Choose an area", "Leading change", "School culture"], options);
    }

    [Fact]
    public async Task Cohort_BadDate_IsExplainedAndNothingSaved()
    {
        var client = await TeamAsync();
        await Data.CohortAsync("Existing");
        var programmeId = await App.WithDbAsync(db => db.Programmes.Select(p => p.Id).SingleAsync());

        var response = await client.PostFormAsync("/Programme/Cohorts/Edit", new()
        {
            ["Input.ProgrammeId"] = programmeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "NPQH Spring",
            ["Input.CourseStart.Day"] = "31", ["Input.CourseStart.Month"] = "2", ["Input.CourseStart.Year"] = "2027",
        });

        Assert.Contains("The course start date must be a real date, like 1 9 2026", Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Cohorts.CountAsync()));
    }

    [Fact]
    public async Task Cohort_Create_ShowsOnItsPageAndInTheApi()
    {
        var client = await TeamAsync();
        await Data.CohortAsync("Existing");
        var programmeId = await App.WithDbAsync(db => db.Programmes.Select(p => p.Id).SingleAsync());

        var response = await client.PostFormAsync("/Programme/Cohorts/Edit", new()
        {
            ["Input.ProgrammeId"] = programmeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "NPQH Spring 2027",
            ["Input.CourseStart.Day"] = "11", ["Input.CourseStart.Month"] = "1", ["Input.CourseStart.Year"] = "2027",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("NPQH Spring 2027", details.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("11 January 2027", details.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_TamperedUnknownRole_IsRefusedAndNothingSaved()
    {
        var client = await TeamAsync();

        var response = await client.PostFormAsync("/Programme/People/Edit",
            new() { ["Input.FullName"] = "Eve Example", ["Input.Email"] = "eve@test.example" },
            extra: [new("Input.Roles", "SuperAdmin")]);

        Assert.Contains("Choose roles from the list", Html.Errors(await Html.ParseAsync(response)));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "eve@test.example")));
    }

    [Fact]
    public async Task Person_ScriptAndSqlText_IsStoredAsTextAndShownEncoded()
    {
        var client = await TeamAsync();
        const string name = "<script>alert(1)</script> Robert'); DROP TABLE \"AspNetUsers\";--";

        var response = await client.PostFormAsync("/Programme/People/Edit",
            new() { ["Input.FullName"] = name, ["Input.Email"] = "bobby@test.example" },
            extra: [new("Input.Roles", Roles.Tutor)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await client.GetAsync("/Programme/People")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(name, await App.WithDbAsync(db => db.Users.Where(u => u.Email == "bobby@test.example").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Person_DuplicateEmail_IsAFieldError()
    {
        var client = await TeamAsync();
        await Data.UserAsync("taken@test.example");

        var response = await client.PostFormAsync("/Programme/People/Edit",
            new() { ["Input.FullName"] = "Second", ["Input.Email"] = "TAKEN@test.example" },
            extra: [new("Input.Roles", Roles.Tutor)]);

        Assert.Contains("Someone else already has this e-mail address", Html.Errors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task Person_SeveralRolesAndDelegateDetails_AreSaved()
    {
        var client = await TeamAsync();
        var cohort = await Data.CohortAsync();
        var school = await Data.SchoolAsync();
        var tutor = await Data.TutorAsync();

        var response = await client.PostFormAsync("/Programme/People/Edit", new()
            {
                ["Input.FullName"] = "Dana Double", ["Input.Email"] = "dana@test.example",
                ["Input.CohortId"] = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.SchoolId"] = school.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.TutorId"] = tutor.Id, ["Input.BirthdayDay"] = "29", ["Input.BirthdayMonth"] = "2",
            },
            extra: [new("Input.Roles", Roles.Delegate), new("Input.Roles", Roles.Assessor)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var participant = await App.WithDbAsync(db => db.Participants.Include(p => p.User).SingleAsync());
        Assert.Equal("Dana Double", participant.User.FullName);
        Assert.Equal(new Birthday(29, 2), participant.Birthday);
        Assert.Equal(tutor.Id, participant.TutorId);
        var tutorPage = await (await SignedInAsync("tutor@test.example")).GetDocumentAsync("/Tutor");
        Assert.Contains("Dana Double", tutorPage.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_BadBirthday_IsExplained()
    {
        var client = await TeamAsync();
        var cohort = await Data.CohortAsync();

        var response = await client.PostFormAsync("/Programme/People/Edit", new()
            {
                ["Input.FullName"] = "Bea", ["Input.Email"] = "bea@test.example",
                ["Input.CohortId"] = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.BirthdayDay"] = "31", ["Input.BirthdayMonth"] = "4",
            },
            extra: [new("Input.Roles", Roles.Delegate)]);

        Assert.Contains("Birthday must be a real day and month, like 14 3", Html.Errors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task Invite_EmailsALinkAndTheInviteeCanSignIn()
    {
        var client = await TeamAsync();
        var invitee = await Data.UserAsync("new@test.example", "Nia New", [Roles.Partner], password: null);
        var page = await client.GetDocumentAsync($"/Programme/People/Edit/{invitee.Id}");

        var response = await client.SubmitAsync(page, [], "form[action*='handler=Invite']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await App.Smtp.WaitForMessageToAsync("new@test.example");
        Assert.Equal("You have been invited to Roundtable", mail.Subject);
        var link = new Uri(AccountTests.Link().Match(mail.TextBody!).Value);
        var invited = Anonymous();
        var set = await invited.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "My-own-password", ["Input.Confirm"] = "My-own-password" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync("/Partner")).StatusCode);
        Assert.NotNull(await App.WithDbAsync(db => db.Users.Where(u => u.Id == invitee.Id).Select(u => u.InvitedAt).SingleAsync()));
    }

    [Fact]
    public async Task School_BadUrnAndMissingChoices_AreExplained()
    {
        var client = await TeamAsync();

        var response = await client.PostFormAsync("/Programme/Schools/Edit", new() { ["Input.Name"] = "X", ["Input.Urn"] = "12ab" });

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains("Enter a URN of six digits, like 123456", errors);
        Assert.Contains("Choose the school's phase", errors);
        Assert.False(await App.WithDbAsync(db => db.Schools.AnyAsync()));
    }
}
