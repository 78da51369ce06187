using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Api;

public class AuditApiTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private Task<List<AuditEntry>> EntriesAsync() =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    // One case per kind of change the issue lists (bookings, feedback and invoices have their own
    // service-written entries, covered by their own tests and by Approve_RefusedUntilNewDetailsConfirmed).
    public static TheoryData<string> Kinds => new()
    {
        "role", "email", "payment details", "vat status", "fee", "protocol", "programme", "cohort",
        "tutorial settings", "invoicing settings", "requirement override", "window override", "outcome", "criterion judgement",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EveryKindOfChange_WritesAnEntry_WithBeforeAndAfter(string kind)
    {
        var cohort = await Data.CohortAsync();
        var delegateUser = await Data.DelegateAsync(cohort, "dee@test.example");
        var participantId = await Data.ParticipantIdAsync(delegateUser);
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        if (kind is "payment details" or "vat status")
        {
            await App.BillingAsync(partner, vatRegistered: false);
        }
        var submission = kind is "outcome" or "criterion judgement" ? await Data.SubmissionAsync(delegateUser, 2, SubmissionStatus.Submitted) : null;
        var criterion = kind == "criterion judgement" ? await Data.CriterionAsync(2, "A1") : null;
        var before = (await EntriesAsync()).Select(e => e.Id).ToHashSet();
        var now = App.Clock.GetUtcNow().UtcDateTime;

        var (recordType, action, field, personId) = await App.WithDbAsync<(string, string, string, string?)>(async db =>
        {
            switch (kind)
            {
                case "role":
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = delegateUser.Id, RoleId = "role-assessor" });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Person, "Role added", "RoleId", delegateUser.Id);
                case "email":
                    (await db.Users.SingleAsync(u => u.Id == delegateUser.Id)).Email = "dee.new@test.example";
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Person, "E-mail address changed", "Email", delegateUser.Id);
                case "payment details":
                    (await db.PartnerBillings.SingleAsync()).PaymentDetails = "Sort code 11-22-33, account 12345678";
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Partner, "Payment details changed", "PaymentDetails", partner.Id);
                case "vat status":
                    var billing = await db.PartnerBillings.SingleAsync();
                    billing.VatRegistered = true;
                    billing.VatNumber = "GB123456789";
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Partner, "Payment details changed", "VatRegistered", partner.Id);
                case "fee":
                    db.FeeRates.Add(new FeeRate { PartnerId = profile.Id, From = new DateOnly(2026, 9, 1), AmountPence = 175_00, SetAt = now, SetById = "x" });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.FeeRate, "Fee added", "AmountPence", partner.Id);
                case "protocol":
                    db.ProtocolSteps.Add(new ProtocolStepSetting { GroupSize = 6, Position = 1, Minutes = 7 });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.ProtocolStep, "Protocol timing added", "Minutes", null);
                case "programme":
                    (await db.Programmes.SingleAsync()).Name = "Renamed programme";
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Programme, "Programme changed", "Name", null);
                case "cohort":
                    (await db.Cohorts.SingleAsync()).CourseStart = new DateOnly(2027, 1, 4);
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Cohort, "Cohort changed", "CourseStart", null);
                case "tutorial settings":
                    db.TutorialSettings.Add(new TutorialSettings { NoticeHours = 24 });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Settings, "Tutorial settings added", "NoticeHours", null);
                case "invoicing settings":
                    db.InvoicingSettings.Add(new InvoicingSettings { NoShowPayable = true });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Settings, "Invoicing settings added", "NoShowPayable", null);
                case "requirement override":
                    db.RequirementOverrides.Add(new RequirementOverride { ParticipantId = participantId, Project = 2, Key = "days", Reason = "Agreed", CreatedById = "x", CreatedByName = "X", CreatedAt = now });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.RequirementOverride, "Requirement override added", "Key", delegateUser.Id);
                case "window override":
                    db.WindowOverrides.Add(new WindowOverride { ParticipantId = participantId, Project = 1, Reason = "Illness", ById = "x", At = now });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.WindowOverride, "Window override added", "Project", delegateUser.Id);
                case "outcome":
                    (await db.Submissions.SingleAsync()).Outcome = AssessmentOutcome.NotPassed;
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Submission, "Submission changed", "Outcome", delegateUser.Id);
                case "criterion judgement":
                    db.CriterionJudgements.Add(new CriterionJudgement { SubmissionId = submission!.Id, CriterionId = criterion!.Id, Met = true, Comment = "Good", RecordedAt = now });
                    await db.SaveChangesAsync();
                    return (AuditedKinds.Submission, "Criterion judgement added", "Met", delegateUser.Id);
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind));
            }
        });

        var entry = Assert.Single(await EntriesAsync(), e => !before.Contains(e.Id));
        Assert.Equal(recordType, entry.Subject);
        Assert.Equal(action, entry.Action);
        Assert.Equal(personId, entry.PersonId);
        Assert.Equal(now, entry.At);
        Assert.True(recordType == AuditedKinds.Person || entry.SubjectId > 0, "the record id is set, also for records that got their id on insert");
        using var changes = JsonDocument.Parse(entry.Changes!);
        var change = changes.RootElement.GetProperty(field);
        Assert.True(change.TryGetProperty("before", out _));
        Assert.True(change.TryGetProperty("after", out _));
        Assert.NotEqual(change.GetProperty("before").GetRawText(), change.GetProperty("after").GetRawText());
    }

    // A record added with a new parent in one save: the trail names the parent's real id, not EF's
    // temporary one (it read -2147482647 before the fix).
    [Fact]
    public async Task AddedWithANewParent_TheTrailHoldsTheParentsRealId()
    {
        var (programmeId, cohortId) = await App.WithDbAsync(async db =>
        {
            var programme = new Programme { Code = "NPQX", Name = "A new programme" };
            var cohort = new Cohort { Programme = programme, Name = "Cohort X", CourseStart = new DateOnly(2026, 9, 1) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return (programme.Id, cohort.Id);
        });

        var entry = Assert.Single(await EntriesAsync(), e => e.Subject == Cohort.AuditSubject && e.SubjectId == cohortId);
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal(programmeId, changes.RootElement.GetProperty("ProgrammeId").GetProperty("after").GetInt32());
    }

    [Fact]
    public async Task BankDetailsAndEmail_AreMaskedInTheTrail()
    {
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        await App.WithDbAsync(async db =>
        {
            (await db.PartnerBillings.SingleAsync()).PaymentDetails = "Sort code 11-22-33, account 12345678";
            (await db.Users.SingleAsync(u => u.Id == partner.Id)).Email = "pip.new@test.example";
            await db.SaveChangesAsync();
        });

        var all = string.Join("\n", (await EntriesAsync()).Select(e => e.Changes));
        Assert.Contains("account ending 78", all, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", all, StringComparison.Ordinal);
        Assert.DoesNotContain("11-22-33", all, StringComparison.Ordinal);
        Assert.Contains("p*****w@test.example", all, StringComparison.Ordinal);
        Assert.DoesNotContain("pip.new@", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportOfDelegates_WritesAnImportEntry()
    {
        var team = await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var pendingId = Guid.NewGuid();
        await App.WithDbAsync(async db =>
        {
            db.PendingImports.Add(new PendingImport
            {
                Id = pendingId, CohortId = cohort.Id, CreatedById = team.Id, CreatedAt = App.Clock.GetUtcNow().UtcDateTime, FileName = "d.csv",
                Content = ImportCsv,
            });
            await db.SaveChangesAsync();
        });

        await using var scope = App.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<DelegateImport>().ApplyAsync(pendingId, skipErrorRows: true);

        Assert.True(summary.Succeeded, summary.Succeeded ? "" : summary.Failure.Message);
        var entry = Assert.Single(await EntriesAsync(), e => e.Subject == AuditedKinds.Import);
        Assert.Equal("Delegates imported", entry.Action);
        Assert.Equal(cohort.Id, entry.SubjectId);
        Assert.Equal(team.Id, entry.UserId);
        Assert.Contains("\"NewDelegates\":{\"before\":null,\"after\":1}", entry.Changes, StringComparison.Ordinal);
    }

    // The shape other callers (DfE calls, erasures) use.
    [Fact]
    public void For_KeepsPersonAndChanges()
    {
        var at = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        var entry = AuditEntry.For("Person", 0, "Erased", "team-id", at, personId: "p1", changes: new AuditChanges().Add("Account", "present", null));

        Assert.Equal("p1", entry.PersonId);
        Assert.Equal("{\"Account\":{\"before\":\"present\",\"after\":null}}", entry.Changes);
        Assert.Null(AuditEntry.Of("Booking", 1, "Booked", null, at).Changes);
    }

    [Fact]
    public async Task AppRefusesToChangeOrDeleteAnEntry()
    {
        await App.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(AuditEntry.Of("Booking", 1, "Booked", null, App.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

        await App.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync();
            entry.Action = "Rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await App.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.Equal("Booked", Assert.Single(await EntriesAsync()).Action);
    }

    [PostgresFact]
    public async Task Postgres_RefusesDirectUpdateAndDelete()
    {
        await App.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(AuditEntry.Of("Booking", 1, "Booked", null, App.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

        await App.WithDbAsync(async db =>
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Rewritten'"));
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        });
        Assert.Equal("Booked", Assert.Single(await EntriesAsync()).Action);
    }

    [Fact]
    public async Task Get_ReturnsTheContractShape_NewestFirst_FilteredByRecordAndPerson()
    {
        var client = await TeamAsync();
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.BillingAsync(partner, vatRegistered: false);
        var profileId = await App.WithDbAsync(db => db.PartnerProfiles.Select(p => p.Id).SingleAsync());
        App.Clock.Advance(TimeSpan.FromHours(1));
        var page = await client.GetDocumentAsync($"/Programme/Invoices/Partner/{profileId}");
        var saved = await client.SubmitAsync(page, new()
        {
            ["Input.Address"] = "1 Test Road", ["Input.PaymentDetails"] = "Sort code 11-22-33, account 12345678", ["Input.VatRegistered"] = "yes", ["Input.VatNumber"] = "GB123456789",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?recordType=Partner&recordId={profileId}")).EnumerateArray().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["at", "by", "action", "recordType", "recordId", "changes"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Payment details changed", rows[0].GetProperty("action").GetString());
        Assert.Equal("Pat Team", rows[0].GetProperty("by").GetString());
        Assert.Equal("Partner", rows[0].GetProperty("recordType").GetString());
        Assert.Equal(profileId, rows[0].GetProperty("recordId").GetInt32());
        Assert.Equal("account ending 78", rows[0].GetProperty("changes").GetProperty("PaymentDetails").GetProperty("after").GetString());
        Assert.True(rows[0].GetProperty("changes").GetProperty("VatRegistered").GetProperty("after").GetBoolean());
        Assert.Equal("Payment details added", rows[1].GetProperty("action").GetString());
        Assert.Equal(AuditTrail.SystemActor, rows[1].GetProperty("by").GetString());
        Assert.True(rows[0].GetProperty("at").GetDateTime() > rows[1].GetProperty("at").GetDateTime());

        var byPerson = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?personId={partner.Id}")).EnumerateArray().ToList();
        Assert.Equal(2, byPerson.Count(r => r.GetProperty("recordType").GetString() == "Partner"));
        Assert.Contains(byPerson, r => r.GetProperty("action").GetString() == "Role added" && r.GetProperty("changes").GetProperty("RoleId").GetProperty("after").GetString() == "Partner");
        Assert.DoesNotContain(byPerson, r => r.GetProperty("changes").TryGetProperty("RoleId", out var role) && role.GetProperty("after").GetString() == "ProgrammeTeam");
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/audit?recordType=Partner&recordId=999999")).EnumerateArray());
    }

    [Fact]
    public async Task Get_IsPaged_WithABoundedPageSize()
    {
        var client = await TeamAsync();
        await App.WithDbAsync(async db =>
        {
            var at = App.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 5; i++)
            {
                db.AuditEntries.Add(AuditEntry.Of("Booking", i, "Booked", null, at.AddMinutes(i)));
            }
            await db.SaveChangesAsync();
        });

        var second = (await client.GetFromJsonAsync<JsonElement>("/api/v1/audit?recordType=Booking&page=2&pageSize=2")).EnumerateArray().Select(r => r.GetProperty("recordId").GetInt32()).ToList();
        Assert.Equal([3, 2], second);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync($"/api/v1/audit?pageSize={PageRequest.MaxSize + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/api/v1/audit?page=0")).StatusCode);
    }

    [Fact]
    public async Task Get_OnlyForTheProgrammeTeam()
    {
        await Data.PartnerAsync();
        var partner = await SignedInAsync("partner@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientWithoutApiToken().GetAsync("/api/v1/audit")).StatusCode);
    }

    private const string ImportCsv = "email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\nd1@test.example,Delegate 1,123456,School 123456,Primary,Academy,South East,400,2/2,\n";
}
