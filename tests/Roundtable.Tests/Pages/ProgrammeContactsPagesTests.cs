using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Pages;

// The programme contacts partners see for their queries: a setting the team edits, audited.
public class ProgrammeContactsPagesTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Team_EditsContacts_Audited_PartnerSeesThemFromTheirHome()
    {
        var teamUser = await Data.ProgrammeTeamAsync();
        await Data.PartnerAsync();
        var team = await SignedInAsync("team@test.example");
        var partner = await SignedInAsync("partner@test.example");
        Assert.NotNull((await partner.GetDocumentAsync("/Partner/Contacts")).QuerySelector("#no-contacts"));

        var form = await team.GetDocumentAsync("/Programme/Tutorials/Contacts");
        var empty = await Html.ParseAsync(await team.SendFormAsync(form, "#contacts-form", [new("Text", "  ")]));
        var saved = await team.SendFormAsync(form, "#contacts-form", [new("Text", "Invoices: Sam Okoro, finance@example.org\nTutorials: Jo Marsh")]);

        Assert.Contains("Enter the programme contacts", empty.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await partner.GetDocumentAsync("/Partner");
        Assert.NotNull(home.QuerySelector("a[href='/Partner/Contacts']"));
        var contacts = await partner.GetDocumentAsync("/Partner/Contacts");
        Assert.Contains("Invoices: Sam Okoro, finance@example.org", contacts.Text("#contacts"), StringComparison.Ordinal);
        Assert.Contains("Tutorials: Jo Marsh", contacts.Text("#contacts"), StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == "ProgrammeContacts"));
        Assert.Equal(("Changed", teamUser.Id), (audit.Action, audit.UserId!));
        Assert.Contains("Sam Okoro", (await team.GetDocumentAsync("/Programme/Tutorials/Contacts")).Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostAsync("/Programme/Tutorials/Contacts", null)).StatusCode);
    }
}
