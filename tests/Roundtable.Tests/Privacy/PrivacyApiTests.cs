using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Privacy;

namespace Roundtable.Tests.Privacy;

// Subject access export and erasure through HTTP (runs on SQLite and, with ROUNDTABLE_TEST_POSTGRES, PostgreSQL).
public class PrivacyApiTests(AppFactory app) : AppTest(app)
{
    private static async Task<Dictionary<string, byte[]>> ZipAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            entries[entry.FullName] = buffer.ToArray();
        }
        return entries;
    }

    private static JsonElement Json(Dictionary<string, byte[]> zip, string name) => JsonDocument.Parse(zip[name]).RootElement;

    private static int Count(Dictionary<string, byte[]> zip, string name) => Json(zip, name).GetArrayLength();

    [Fact]
    public async Task GetMyExport_ForARichDelegate_HoldsEachKindOfRecord_AndTheirFiles()
    {
        var world = await Data.RichWorldAsync(App);
        var client = await SignedInAsync(PrivacyBuilders.DanaEmail);

        var zip = await ZipAsync(await client.GetAsync("/api/v1/me/export"));

        Assert.Equal(PrivacyBuilders.DanaName, Json(zip, "account.json").GetProperty("name").GetString());
        Assert.Equal(PrivacyBuilders.DanaEmail, Json(zip, "account.json").GetProperty("email").GetString());
        Assert.Equal("Delegate", Json(zip, "roles.json")[0].GetString());
        var programme = Json(zip, "programmes.json")[0];
        Assert.Equal(14, programme.GetProperty("birthdayDay").GetInt32());
        Assert.Equal("Rich Primary", programme.GetProperty("school").GetString());
        foreach (var kind in new[]
        {
            "community-groups.json", "sessions-chaired.json", "session-attendance.json", "session-turns.json", "problem-cards.json",
            "buddy-pairs.json", "buddy-notes.json", "bookings.json", "window-overrides.json", "requirement-overrides.json",
            "reminder-preferences.json", "reminders-sent.json", "calendar-feed.json", "emails.json", "files.json",
        })
        {
            Assert.True(Count(zip, kind) == 1 || (kind == "files.json" && Count(zip, kind) == 2), $"{kind}: {Count(zip, kind)} rows");
        }
        Assert.Equal("Dana's problem", Json(zip, "problem-cards.json")[0].GetProperty("problem").GetString());
        Assert.Equal("Dana's buddy note", Json(zip, "buddy-notes.json")[0].GetProperty("note").GetString());
        Assert.Equal("Dana's baseline is strong.", Json(zip, "bookings.json")[0].GetProperty("feedback").GetProperty("notes").GetString());
        Assert.Equal(1, Json(zip, "projects.json").GetProperty("project1").GetArrayLength());
        Assert.Equal(9, Json(zip, "projects.json").GetProperty("project2")[0].GetProperty("placementDays").GetArrayLength());
        Assert.Equal(2, Count(zip, "submissions.json"));
        Assert.Contains(Json(zip, "submissions.json").EnumerateArray(), s => s.GetProperty("outcome").GetString() == "Passed");
        Assert.Equal("Hello Dana", Json(zip, "emails.json")[0].GetProperty("textBody").GetString());
        // The calendar address opens the feed: its token is never in the export.
        Assert.DoesNotContain("hash-dana", System.Text.Encoding.UTF8.GetString(zip["calendar-feed.json"]), StringComparison.Ordinal);
        Assert.DoesNotContain("protected-dana", System.Text.Encoding.UTF8.GetString(zip["calendar-feed.json"]), StringComparison.Ordinal);
        Assert.Equal("Dana's evidence", System.Text.Encoding.UTF8.GetString(zip[$"files/{world.ArtefactId:N}-dana-evidence.txt"]));
        Assert.True(zip.ContainsKey($"files/{world.DocumentId:N}-dana-project.pdf"));
        // Nothing of the other members.
        var all = string.Concat(zip.Where(e => e.Key.EndsWith(".json", StringComparison.Ordinal)).Select(e => System.Text.Encoding.UTF8.GetString(e.Value)));
        Assert.DoesNotContain("Olly's", all, StringComparison.Ordinal);
        Assert.DoesNotContain("olly.other", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMyExport_ForAPartner_HoldsProfileBillingFeesAndInvoices()
    {
        await Data.RichWorldAsync(App);
        var zip = await ZipAsync(await (await SignedInAsync("partner@test.example")).GetAsync("/api/v1/me/export"));

        Assert.Equal(1, Count(zip, "partner-profile.json"));
        Assert.Equal(2, Json(zip, "partner-profile.json")[0].GetProperty("slots").GetArrayLength());
        Assert.Equal(1, Count(zip, "partner-billing.json"));
        Assert.Equal(1, Count(zip, "fee-rates.json"));
        var invoice = Json(zip, "invoices.json")[0];
        Assert.Equal("RT-0001", invoice.GetProperty("number").GetString());
        Assert.Equal(2, invoice.GetProperty("lines").GetArrayLength());
        Assert.Contains(Json(zip, "actions.json").EnumerateArray(), a => a.GetProperty("action").GetString() == "Feedback recorded");
    }

    [Fact]
    public async Task GetMyExport_SignedOut_Returns401()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetPersonExport_Team_ReturnsTheirZip_AndAuditsIt()
    {
        var world = await Data.RichWorldAsync(App);
        var team = await SignedInAsync("team@test.example");

        var zip = await ZipAsync(await team.GetAsync($"/api/v1/people/{world.Dana.Id}/export"));

        Assert.Equal(PrivacyBuilders.DanaName, Json(zip, "account.json").GetProperty("name").GetString());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == Erasure.AuditSubject && a.Action == "Exported").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(world.Team.Id, entry.UserId);
        Assert.Equal(world.Dana.Id, entry.PersonId);
    }

    [Fact]
    public async Task GetPersonExport_NotTheTeam_Returns403_AndUnknown_Returns404()
    {
        var world = await Data.RichWorldAsync(App);

        var asOther = await (await SignedInAsync("olly.other@test.example")).GetAsync($"/api/v1/people/{world.Dana.Id}/export");
        var asPartner = await (await SignedInAsync("partner@test.example")).GetAsync($"/api/v1/people/{world.Dana.Id}/export");
        var unknown = await (await SignedInAsync("team@test.example")).GetAsync("/api/v1/people/no-such-person/export");

        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asPartner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Erase_WithoutConfirm_Returns422_AndChangesNothing()
    {
        var world = await Data.RichWorldAsync(App);
        var team = await SignedInAsync("team@test.example");

        var none = await team.PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { });
        var no = await team.PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { confirm = false });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, no.StatusCode);
        Assert.Equal(PrivacyBuilders.DanaName, await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Dana.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Erase_NotTheTeam_Returns403_Unknown404_Self422_Twice409()
    {
        var world = await Data.RichWorldAsync(App);
        var team = await SignedInAsync("team@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync("olly.other@test.example")).PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.PostAsJsonAsync("/api/v1/people/nobody/erase", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await team.PostAsJsonAsync($"/api/v1/people/{world.Team.Id}/erase", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"/api/v1/people/{world.Third.Id}/erase", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsJsonAsync($"/api/v1/people/{world.Third.Id}/erase", new { confirm = true })).StatusCode);
    }

    [Fact]
    public async Task Erase_ADelegate_DeletesTheirData_KeepsOthersWhole_AndTheyCannotSignIn()
    {
        var world = await Data.RichWorldAsync(App);
        var team = await SignedInAsync("team@test.example");
        var before = await SnapshotOfOthersAsync(world);

        var response = await team.PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("problemCards").GetInt32());
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("buddyNotes").GetInt32());
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("drafts").GetInt32());
        Assert.Equal(2, summary.GetProperty("deleted").GetProperty("projectPlans").GetInt32());
        Assert.Equal(2, summary.GetProperty("deleted").GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("calendarFeeds").GetInt32());
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("emails").GetInt32());
        Assert.Equal(1, summary.GetProperty("anonymised").GetProperty("submissionsWithOutcomes").GetInt32());
        Assert.Equal(1, summary.GetProperty("anonymised").GetProperty("bookings").GetInt32());

        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == world.Dana.Id);
            Assert.Equal(Erasure.FormerMember, user.FullName);
            Assert.Null(user.Email);
            Assert.Null(user.PasswordHash);
            Assert.NotNull(user.ErasedAt);
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == user.Id));
            var place = await db.Participants.SingleAsync(p => p.UserId == user.Id);
            Assert.Null(place.BirthdayDay);
            Assert.Null(place.SchoolId);
            Assert.False(await db.ProblemCards.AnyAsync(c => c.OwnerId == user.Id));
            Assert.False(await db.BuddyCheckIns.AnyAsync(c => c.AuthorId == user.Id));
            Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == world.ArtefactId || f.Id == world.DocumentId));
            Assert.False(await db.CalendarFeeds.AnyAsync(f => f.UserId == user.Id));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.To == PrivacyBuilders.DanaEmail));
            // The assessment outcome stays; the text goes.
            var kept = await db.Submissions.SingleAsync(s => s.ParticipantId == place.Id);
            Assert.Equal(Roundtable.Web.Projects.AssessmentOutcome.Passed, kept.Outcome);
            Assert.Equal("", kept.Section1);
            // The session she chaired stays for the group, pointing at the former member.
            var session = await db.CommunitySessions.SingleAsync(s => s.Id == world.Session.Id);
            Assert.Equal(user.Id, session.ChairId);
            Assert.Equal("Three problems worked through", session.Successes);
            Assert.Equal(3, await db.SessionAttendance.CountAsync(a => a.SessionId == session.Id));
            Assert.Single(await db.AuditEntries.Where(a => a.Subject == Erasure.AuditSubject && a.Action == "Erased").ToListAsync());
        });
        Assert.Equal(before, await SnapshotOfOthersAsync(world));

        var signIn = await Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = PrivacyBuilders.DanaEmail, ["Input.Password"] = TestData.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = PrivacyBuilders.DanaEmail, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        // Name and e-mail appear nowhere the team looks.
        foreach (var page in new[] { "/Programme/People", $"/Programme/People/Edit/{world.Dana.Id}", $"/Programme/Communities/Session/{world.Session.Id}" })
        {
            var html = await (await team.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(PrivacyBuilders.DanaName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(PrivacyBuilders.DanaEmail, html, StringComparison.Ordinal);
        }
        var zip = await ZipAsync(await team.GetAsync($"/api/v1/people/{world.Dana.Id}/export"));
        var all = string.Concat(zip.Values.Select(v => System.Text.Encoding.UTF8.GetString(v)));
        Assert.DoesNotContain(PrivacyBuilders.DanaName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivacyBuilders.DanaEmail, all, StringComparison.Ordinal);
    }

    // The team's reasons for a delegate's case-study eligibility override and extension name the
    // delegate's circumstances: erased with them; another delegate's stay, and so does the decision.
    [Fact]
    public async Task Erase_ADelegate_RemovesTheReasonsOfTheirCaseStudyAdjustments_NotOthers()
    {
        var world = await Data.RichWorldAsync(App);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var (danaId, ollyId) = (await Data.ParticipantIdAsync(world.Dana), await Data.ParticipantIdAsync(world.Other));
        await App.WithDbAsync(async db =>
        {
            var file = new Roundtable.Web.Infrastructure.Files.StoredFile { Id = Guid.NewGuid(), FileName = "case.pdf", ContentType = "application/pdf", Content = [1], Size = 1, UploadedById = world.Team.Id, UploadedAt = now };
            db.StoredFiles.Add(file);
            db.CaseStudies.Add(new Roundtable.Web.Projects.CaseStudy
            {
                Cohort = await db.Cohorts.SingleAsync(c => c.Id == world.Cohort.Id), Title = "A case", Question = "What would you do?", FileId = file.Id,
                OpensAt = now.AddDays(-2), ClosesAt = now.AddDays(5), WordLimit = 1500, AttendanceThreshold = 90, PublishedAt = now.AddDays(-3), PublishedById = world.Team.Id,
                Adjustments =
                [
                    new() { ParticipantId = danaId, EligibleOverride = true, EligibilityReason = "Dana was in hospital in March", ExtendedUntil = now.AddDays(9), ExtensionReason = "Dana's bereavement", ChangedAt = now, ChangedById = world.Team.Id },
                    new() { ParticipantId = ollyId, EligibleOverride = true, EligibilityReason = "Olly's school closed for a week", ChangedAt = now, ChangedById = world.Team.Id },
                ],
            });
            await db.SaveChangesAsync();
        });
        var team = await SignedInAsync("team@test.example");

        var response = await team.PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anonymised").GetProperty("caseStudyAdjustments").GetInt32());
        await App.WithDbAsync(async db =>
        {
            var dana = await db.CaseStudyAdjustments.SingleAsync(a => a.ParticipantId == danaId);
            Assert.Equal(Erasure.RemovedReason, dana.EligibilityReason);
            Assert.Equal(Erasure.RemovedReason, dana.ExtensionReason);
            Assert.True(dana.EligibleOverride);
            Assert.NotNull(dana.ExtendedUntil);
            var olly = await db.CaseStudyAdjustments.SingleAsync(a => a.ParticipantId == ollyId);
            Assert.Equal("Olly's school closed for a week", olly.EligibilityReason);
            Assert.Null(olly.ExtensionReason);
        });
    }

    [Fact]
    public async Task Erase_APartnerWithInvoices_KeepsInvoiceTotals_UnderFormerMemberAndInitials()
    {
        var world = await Data.RichWorldAsync(App);
        // The invoice was self-billed under an agreement the partner signed (since ended), and disputed before it was settled.
        var agreementId = await App.WithDbAsync(async db =>
        {
            var partnerId = await db.PartnerProfiles.Where(p => p.UserId == world.Partner.Id).Select(p => p.Id).SingleAsync();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var agreement = new SelfBillingAgreement
            {
                PartnerId = partnerId, StartsOn = new DateOnly(2026, 10, 1), EndsOn = new DateOnly(2027, 9, 30),
                TermsText = string.Join("\n\n", SelfBillingAgreement.Terms("Test Provider Ltd", "Pip Partner", new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30))),
                AcceptedName = "Pip Partner", AcceptedAt = now.AddDays(-60), AcceptedById = world.Partner.Id,
                EndedAt = now.AddDays(-1), EndedById = world.Team.Id, EndReason = "Pip Partner retired.",
            };
            db.SelfBillingAgreements.Add(agreement);
            await db.SaveChangesAsync();
            await db.Invoices.Where(i => i.Id == world.InvoiceId).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.SelfBillingAgreementId, agreement.Id).SetProperty(i => i.DisputeReason, "Pip Partner held the tutorial on 3 November, not 4.")
                .SetProperty(i => i.DisputedAt, now.AddDays(-20)));
            return agreement.Id;
        });
        var team = await SignedInAsync("team@test.example");
        var before = await SnapshotOfOthersAsync(world);

        var response = await team.PostAsJsonAsync($"/api/v1/people/{world.Partner.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, summary.GetProperty("anonymised").GetProperty("invoices").GetInt32());
        Assert.Equal(1, summary.GetProperty("deleted").GetProperty("paymentDetails").GetInt32());
        await App.WithDbAsync(async db =>
        {
            var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == world.InvoiceId);
            Assert.Equal(30000, invoice.TotalPence);
            Assert.Equal(30000, invoice.Lines.Sum(l => l.FeePence));
            Assert.Equal("RT-0001", invoice.Number);
            Assert.Equal("Former member PP", invoice.PartnerName);
            Assert.Equal("", invoice.PartnerEmail);
            Assert.Equal("", invoice.PaymentDetails);
            Assert.False(await db.PartnerBillings.AnyAsync());
            Assert.Equal("", (await db.PartnerProfiles.SingleAsync()).Biography);
            Assert.Equal(Erasure.RemovedReason, invoice.DisputeReason);
            var agreement = await db.SelfBillingAgreements.SingleAsync(a => a.Id == agreementId);
            Assert.Equal("Former member PP", agreement.AcceptedName);
            Assert.DoesNotContain("Pip Partner", agreement.TermsText, StringComparison.Ordinal);
            Assert.Contains("Former member PP (the supplier)", agreement.TermsText, StringComparison.Ordinal);
            Assert.Equal(Erasure.RemovedReason, agreement.EndReason);
            Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30)), (agreement.StartsOn, agreement.EndsOn));
            Assert.Equal(agreementId, invoice.SelfBillingAgreementId);
        });
        Assert.Equal(1, summary.GetProperty("anonymised").GetProperty("selfBillingAgreements").GetInt32());
        Assert.Equal(before, await SnapshotOfOthersAsync(world));
        var invoices = await (await team.GetAsync("/api/v1/invoices")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Pip Partner", invoices, StringComparison.Ordinal);
        Assert.DoesNotContain("partner@test.example", invoices, StringComparison.Ordinal);
        Assert.Contains("300", invoices, StringComparison.Ordinal);
        var agreements = await (await team.GetAsync("/api/v1/self-billing/agreements")).Content.ReadAsStringAsync();
        Assert.Contains("Former member PP", agreements, StringComparison.Ordinal);
        Assert.DoesNotContain("Pip Partner", agreements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_APartnerWithADisputedInvoice_Returns422()
    {
        var world = await Data.RichWorldAsync(App);
        await App.WithDbAsync(async db =>
        {
            await db.Invoices.Where(i => i.Id == world.InvoiceId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Disputed));
        });

        var response = await (await SignedInAsync("team@test.example")).PostAsJsonAsync($"/api/v1/people/{world.Partner.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Pip Partner", await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Partner.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Erase_APartnerWithAnInvoiceToPay_Returns422()
    {
        var world = await Data.RichWorldAsync(App);
        await App.WithDbAsync(async db =>
        {
            await db.Invoices.Where(i => i.Id == world.InvoiceId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Approved));
        });

        var response = await (await SignedInAsync("team@test.example")).PostAsJsonAsync($"/api/v1/people/{world.Partner.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Pip Partner", await App.WithDbAsync(db => db.Users.Where(u => u.Id == world.Partner.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Erase_TheChairOfRecordedSessions_KeepsTheSessionAndTheOtherMembersRecordsWhole()
    {
        var world = await Data.RichWorldAsync(App);
        var before = await SnapshotOfOthersAsync(world);

        var response = await (await SignedInAsync("team@test.example")).PostAsJsonAsync($"/api/v1/people/{world.Dana.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await SnapshotOfOthersAsync(world));
        // The other member still sees the chair rotation, with the former member in it.
        var chairs = await (await SignedInAsync("olly.other@test.example")).GetAsync($"/api/v1/groups/{await GroupIdAsync(world)}/chairs");
        var text = await chairs.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, chairs.StatusCode);
        Assert.DoesNotContain(PrivacyBuilders.DanaName, text, StringComparison.Ordinal);
        Assert.Contains("Olly Other", text, StringComparison.Ordinal);
    }

    private Task<int> GroupIdAsync(RichWorld world) => App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Id == world.Session.Id).Select(s => s.GroupId).SingleAsync());

    // What belongs to the other people in the world, as text, to compare before and after an erasure.
    private sealed record OthersSnapshot(string People, string Cards, string Notes, string Turns, string Attendance, string Bookings, string Emails, string Invoices);

    private Task<OthersSnapshot> SnapshotOfOthersAsync(RichWorld world) => App.WithDbAsync(async db =>
    {
        var others = new[] { world.Other.Id, world.Third.Id, world.Team.Id };
        static string Join<T>(IEnumerable<T> rows) => string.Join("|", rows);
        return new OthersSnapshot(
            Join(await db.Users.Where(u => others.Contains(u.Id)).OrderBy(u => u.Id).Select(u => u.FullName + u.Email).ToListAsync()),
            Join(await db.ProblemCards.Where(c => others.Contains(c.OwnerId)).OrderBy(c => c.Id).Select(c => c.Problem).ToListAsync()),
            Join(await db.BuddyCheckIns.Where(c => others.Contains(c.AuthorId)).OrderBy(c => c.Id).Select(c => c.Note).ToListAsync()),
            Join(await db.SessionTurns.Where(t => others.Contains(t.OwnerId)).OrderBy(t => t.Id).Select(t => t.ActionSteps + t.ChosenAction).ToListAsync()),
            Join(await db.SessionAttendance.Where(a => others.Contains(a.UserId)).OrderBy(a => a.Id).Select(a => a.UserId + a.Present).ToListAsync()),
            Join(await db.Bookings.Where(b => b.Id == world.OtherBooking.Id).Select(b => b.Focus + b.Status + b.Feedback!.Notes).ToListAsync()),
            Join(await db.OutboxMessages.Where(m => m.To != PrivacyBuilders.DanaEmail).OrderBy(m => m.Id).Select(m => m.To + m.TextBody).ToListAsync()),
            Join(await db.Invoices.OrderBy(i => i.Id).Select(i => i.Number + i.TotalPence).ToListAsync()));
    });
}
