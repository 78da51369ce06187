using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Dfe;

namespace Roundtable.Tests.Dfe;

public class DfeClientTests(AppFactory app) : DfeTest(app)
{
    [Fact]
    public async Task ListAllApplications_ReadsEveryPage_WithTheDocumentsParameters()
    {
        for (var i = 0; i < 7; i++)
        {
            Fake.AddApplication($"Applicant {i}", updatedAt: TestClock.Start.AddMinutes(-i));
        }

        var result = await App.WithDfeAsync(c => c.ListAllApplicationsAsync(TestClock.Start.AddDays(-1), "2025"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(7, result.Value.Count);
        Assert.Equal(7, result.Value.Select(a => a.Id).Distinct().Count());
        // The test settings ask for 3 a page: pages 1, 2 and 3 (a short page ends the listing).
        var pages = Fake.Requests.Where(r => r.PathAndQuery.StartsWith("/api/v3/npq-applications", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("filter[updated_since]=2026-11-22T10:00:00Z", p.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(["page[page]=1", "page[page]=2", "page[page]=3"], pages.Select(p => p.PathAndQuery.Split('?')[1].Split('&')[0]));
        Assert.All(pages, p => Assert.Contains("filter[cohort]=2025", p.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal("Applicant 0", result.Value.Single(a => a.Attributes.UpdatedAt == TestClock.Start).Attributes.FullName);
        AssertNoViolations();
    }

    [Fact]
    public async Task WrongToken_IsRefused_InPlainWords_AndTheTokenIsInNoAuditEntry()
    {
        await App.ConnectAsync(Fake, token: "not-the-right-token-123456");

        var result = await App.WithDfeAsync(c => c.ListApplicationsAsync(new DfePageRequest()));

        Assert.Equal(DfeOutcome.Refused, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("did not accept our token", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP Token: Access denied", result.Error, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == DfeClient.AuditRecordType).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.DoesNotContain("not-the-right-token", entry.Changes + entry.Detail + entry.Action, StringComparison.Ordinal);
        Assert.Contains("401", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_IsRetried_AfterRetryAfter()
    {
        Fake.AddApplication();
        Fake.TooManyRequests = 1;

        var result = await App.WithDfeAsync(c => c.ListApplicationsAsync(new DfePageRequest()));

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(result.Value);
        Assert.Equal(2, Fake.Requests.Count);
        var entry = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == DfeClient.AuditRecordType));
        Assert.Contains("\"Attempts\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorOnce_IsRetried_ThenSucceeds()
    {
        var participant = Fake.AddParticipant();
        Fake.ServerErrors = 1;

        var result = await App.WithDfeAsync(c => c.GetParticipantAsync(participant.Id));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("npq-headship", result.Value.Attributes.NpqEnrolments.Single().CourseIdentifier);
        Assert.Equal(2, Fake.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorsThroughEveryRetry_Fail_InPlainWords()
    {
        Fake.ServerErrors = 100;

        var result = await App.WithDfeAsync(c => c.ListParticipantsAsync(new DfePageRequest()));

        Assert.Equal(DfeOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Contains("Try again later", result.Error, StringComparison.Ordinal);
        // The first attempt and the test settings' two retries.
        Assert.Equal(3, Fake.Requests.Count);
    }

    [Fact]
    public async Task Declaration_IsSentAsTheDocumentSays_AndADuplicateIsRefusedWithDfesWords()
    {
        var participant = Fake.AddParticipant();
        var declaration = DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Started, DfeCourses.Headship, TestClock.Start.UtcDateTime.AddDays(-3));

        var first = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(declaration));
        var second = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(declaration));

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal("eligible", first.Value.Attributes.State);
        Assert.Equal(DfeDeclarationTypes.Started, first.Value.Attributes.DeclarationType);
        Assert.Equal(DfeOutcome.Refused, second.Outcome);
        Assert.Equal(422, second.StatusCode);
        Assert.Contains(FakeDfeServer.DuplicateDeclarationError, second.Error, StringComparison.Ordinal);
        Assert.Equal(2, Fake.Requests.Count);
        Assert.Single(Fake.Declarations);
        AssertNoViolations();
    }

    [Fact]
    public async Task CompletedDeclaration_CarriesHasPassed_AndOthersDoNot()
    {
        var participant = Fake.AddParticipant();
        var at = TestClock.Start.UtcDateTime.AddDays(-1);

        var completed = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Completed, DfeCourses.Headship, at, hasPassed: false)));
        var retained = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Retained1, DfeCourses.Headship, at, hasPassed: true)));

        Assert.True(completed.Succeeded, completed.Error);
        Assert.False(completed.Value.Attributes.HasPassed);
        Assert.True(retained.Succeeded, retained.Error);
        Assert.Null(retained.Value.Attributes.HasPassed);
        Assert.DoesNotContain("has_passed", Fake.Requests[1].Body, StringComparison.Ordinal);
        AssertNoViolations();
    }

    [Fact]
    public async Task DeclarationServerError_IsNotRetried_TheAnswerIsUnknown()
    {
        var participant = Fake.AddParticipant();
        Fake.LoseNextDeclarationResponse = true;

        var result = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Started, DfeCourses.Headship, TestClock.Start.UtcDateTime.AddDays(-1))));

        Assert.Equal(DfeOutcome.Failed, result.Outcome);
        Assert.Single(Fake.Requests, r => r.Method == "POST");
        // What a later run does before sending again: read the participant's declarations back.
        var readBack = await App.WithDfeAsync(c => c.ListAllDeclarationsAsync(participant.Id));
        Assert.True(readBack.Succeeded, readBack.Error);
        Assert.Equal(DfeDeclarationTypes.Started, Assert.Single(readBack.Value).Attributes.DeclarationType);
        Assert.Contains(Fake.Requests, r => r.PathAndQuery.Contains($"filter[participant_id]={participant.Id}", StringComparison.Ordinal));
        AssertNoViolations();
    }

    [Fact]
    public async Task DeclarationTooManyRequests_IsRetried()
    {
        var participant = Fake.AddParticipant();
        Fake.TooManyRequests = 1;

        var result = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Started, DfeCourses.Headship, TestClock.Start.UtcDateTime.AddDays(-1))));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, Fake.Requests.Count(r => r.Method == "POST"));
        Assert.Single(Fake.Declarations);
    }

    [Fact]
    public async Task Void_VoidsOnce_ThenDfeRefuses()
    {
        var participant = Fake.AddParticipant();
        var submitted = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(participant.Id, DfeDeclarationTypes.Started, DfeCourses.Headship, TestClock.Start.UtcDateTime.AddDays(-1))));

        var voided = await App.WithDfeAsync(c => c.VoidDeclarationAsync(submitted.Value!.Id));
        var again = await App.WithDfeAsync(c => c.VoidDeclarationAsync(submitted.Value!.Id));

        Assert.True(voided.Succeeded, voided.Error);
        Assert.Equal("voided", voided.Value.Attributes.State);
        Assert.Equal(DfeOutcome.Refused, again.Outcome);
        Assert.Contains("already been voided", again.Error, StringComparison.Ordinal);
        AssertNoViolations();
    }

    [Fact]
    public async Task WithdrawDeferResume_SendTheDocumentsBodies()
    {
        var participant = Fake.AddParticipant();

        var deferred = await App.WithDfeAsync(c => c.DeferParticipantAsync(participant.Id, DfeCourses.Headship, "parental-leave"));
        var resumed = await App.WithDfeAsync(c => c.ResumeParticipantAsync(participant.Id, DfeCourses.Headship));
        var withdrawn = await App.WithDfeAsync(c => c.WithdrawParticipantAsync(participant.Id, DfeCourses.Headship, "change-in-career"));
        var again = await App.WithDfeAsync(c => c.WithdrawParticipantAsync(participant.Id, DfeCourses.Headship, "change-in-career"));

        Assert.Equal(DfeTrainingStatuses.Deferred, deferred.Value!.Attributes.NpqEnrolments.Single().TrainingStatus);
        Assert.Equal("parental-leave", deferred.Value.Attributes.NpqEnrolments.Single().Deferral!.Reason);
        Assert.Equal(DfeTrainingStatuses.Active, resumed.Value!.Attributes.NpqEnrolments.Single().TrainingStatus);
        Assert.Equal(DfeTrainingStatuses.Withdrawn, withdrawn.Value!.Attributes.NpqEnrolments.Single().TrainingStatus);
        Assert.Equal(DfeOutcome.Refused, again.Outcome);
        Assert.Contains("already withdrawn", again.Error, StringComparison.Ordinal);
        AssertNoViolations();
    }

    [Fact]
    public async Task AcceptAndReject_CallDfe_AndAcceptingTwiceIsRefused()
    {
        var first = Fake.AddApplication("Ada Accepted");
        var second = Fake.AddApplication("Rory Rejected");

        var accepted = await App.WithDfeAsync(c => c.AcceptApplicationAsync(first.Id));
        var rejected = await App.WithDfeAsync(c => c.RejectApplicationAsync(second.Id));
        var acceptAgain = await App.WithDfeAsync(c => c.AcceptApplicationAsync(first.Id));
        var rejectAccepted = await App.WithDfeAsync(c => c.RejectApplicationAsync(first.Id));

        Assert.Equal("accepted", accepted.Value!.Attributes.Status);
        Assert.Equal("rejected", rejected.Value!.Attributes.Status);
        Assert.Equal(DfeOutcome.Refused, acceptAgain.Outcome);
        Assert.Contains("Once accepted an application cannot change state", rejectAccepted.Error, StringComparison.Ordinal);
        Assert.Single(Fake.Participants);
        AssertNoViolations();
    }

    [Fact]
    public async Task NotSetUp_Fails_WithoutACall_AndIsAudited()
    {
        await App.WithDbAsync(async db =>
        {
            await db.DfeSettings.ExecuteDeleteAsync();
            return 0;
        });

        var result = await App.WithDfeAsync(c => c.ListApplicationsAsync(new DfePageRequest()));

        Assert.Equal(DfeOutcome.Failed, result.Outcome);
        Assert.Contains("settings page", result.Error, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == DfeClient.AuditRecordType)));
    }
}
