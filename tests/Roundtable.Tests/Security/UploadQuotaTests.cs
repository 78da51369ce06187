using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Pages;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 8: uploads cannot fill the database. A replaced artefact's bytes go with the
// save that replaces it, and each person's uploads stop at a quota (Uploads:QuotaMegabytesPerPerson).
public class UploadQuotaTests(AppFactory app) : AppTest(app)
{
    private static readonly Dictionary<string, string> Card = new()
    {
        ["Input.Problem"] = "Year 9 attendance on Fridays", ["Input.Evidence"] = "Registers", ["Input.Context"] = "Two sites",
        ["Input.Why"] = "Learning lost", ["Input.FrameworkArea"] = "behaviour",
        ["Input.Specific"] = "yes", ["Input.Solvable"] = "yes", ["Input.Controllable"] = "yes",
    };

    private const string CardForm = "main form[enctype='multipart/form-data']";

    private static async Task<HttpResponseMessage> SaveCardAsync(HttpClient client, int sessionId, string fileName, string content)
    {
        var page = await client.GetDocumentAsync($"/Communities/Problem/{sessionId}");
        return await client.SendFormAsync(page, CardForm, Card, file: new UploadFile("Artefact", fileName, Encoding.UTF8.GetBytes(content), "text/plain"));
    }

    // What the person has already stored, as the quota counts it (the Size column).
    private Task FillStorageAsync(AppUser owner, int megabytes) => App.WithDbAsync(async db =>
    {
        for (var mb = 0; mb < megabytes; mb += 10)
        {
            db.StoredFiles.Add(new StoredFile
            {
                Id = Guid.NewGuid(), FileName = "old.pdf", ContentType = "application/pdf", Content = [1],
                Size = Math.Min(10, megabytes - mb) * 1024L * 1024, UploadedById = owner.Id,
            });
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ReplacingAnArtefact_DeletesTheOldFilesBytes()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        var client = await SignedInAsync(members[0].Email!);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveCardAsync(client, session.Id, "first.txt", "the first plan")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCardAsync(client, session.Id, "second.txt", "the second plan")).StatusCode);

        var files = await App.WithDbAsync(db => db.StoredFiles.Select(f => new { f.FileName, f.Size }).ToListAsync());
        var only = Assert.Single(files);
        Assert.Equal("second.txt", only.FileName);
        Assert.Equal("the second plan".Length, only.Size);
    }

    [Fact]
    public async Task QuotaReached_RefusesTheUploadWithTheLimit_AndSavesNothing()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        await FillStorageAsync(members[0], 200);
        var client = await SignedInAsync(members[0].Email!);

        var response = await SaveCardAsync(client, session.Id, "plan.txt", "one more plan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains(errors, e => e.StartsWith("You have used 200 MB of your 200 MB for uploaded files", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.ProblemCards.CountAsync()));
        Assert.Equal(20, await App.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Quota_CountsOnlyThePersonsOwnFiles_AndFreesWhatAReplacementReplaces()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        await FillStorageAsync(members[1], 200);
        var client = await SignedInAsync(members[0].Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCardAsync(client, session.Id, "first.txt", "x")).StatusCode);
        // Just under the quota, with the artefact taking the last bytes: a replacement of the same size still fits.
        await FillStorageAsync(members[0], 199);
        await App.WithDbAsync(async db =>
        {
            db.StoredFiles.Add(new StoredFile { Id = Guid.NewGuid(), FileName = "f.pdf", ContentType = "application/pdf", Content = [1], Size = 1024 * 1024 - 1, UploadedById = members[0].Id });
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await SaveCardAsync(client, session.Id, "second.txt", "y")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveCardAsync(client, session.Id, "third.txt", "zz")).StatusCode);
    }

    [Fact]
    public async Task ProjectDocument_QuotaReached_RefusedWithTheLimit_AndNoFileSaved()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example", name: "Dee Delegate");
        var criterion = await Data.CriterionAsync(1, "1.1");
        await FillStorageAsync(me, 200);
        var client = await SignedInAsync("me@test.example");
        var page = await client.GetDocumentAsync("/Projects/Submission/1");

        var response = await client.SendFormAsync(page, "#account-form",
            [new("Sections[0]", "Design"), new("UploadCriterionIds", $"{criterion.Id}")], page.ButtonAction("Upload document"),
            new UploadFile("Upload", "minutes.pdf", "%PDF-1.4 minutes"u8.ToArray(), "application/pdf"));

        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.Contains("of your 200 MB for uploaded files", StringComparison.Ordinal));
        Assert.Equal(20, await App.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.SubmissionDocuments.CountAsync()));
    }
}
