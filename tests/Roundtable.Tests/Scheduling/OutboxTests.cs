using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Tests.Scheduling;

public class OutboxTests(AppFactory app) : AppTest(app)
{
    private Task<List<OutboxMessage>> RowsAsync() => App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task PasswordReset_IsQueuedWithTheRequest_AndSentByTheJob()
    {
        await Data.TutorAsync("me@test.example");

        await Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });

        var row = Assert.Single(await RowsAsync());
        Assert.Equal((OutboxStatus.Waiting, "me@test.example"), (row.Status, row.To));
        Assert.Empty(App.Smtp.Messages);
        var run = await App.SendOutboxAsync();
        Assert.Equal(1, run.Sent);
        Assert.Single(App.Smtp.Messages);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RowsAsync()).Status);
    }

    [Fact]
    public async Task SmtpDown_MessagesWait_ThenAllArriveOnce_WhenItReturns()
    {
        await App.QueueEmailsAsync(3);
        App.Smtp.Down = true;

        var down = await App.SendOutboxAsync();
        Assert.Equal((3, 0, 3), (down.Claimed, down.Sent, down.Failed));
        Assert.All(await RowsAsync(), r => Assert.Equal((OutboxStatus.Waiting, 1), (r.Status, r.Attempts)));

        App.Smtp.Down = false;
        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed); // backing off for a minute
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, (await App.SendOutboxAsync()).Sent);
        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed);
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed);

        Assert.Equal(["person1@test.example", "person2@test.example", "person3@test.example"],
            App.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task ClaimedButNotSent_ServerDied_SentOnceAfterTheLeaseExpires()
    {
        await App.QueueEmailsAsync(1);
        // A server claimed it and died before sending: its lease still stands.
        await App.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedBy, "dead-server").SetProperty(m => m.LockedUntil, App.Clock.GetUtcNow().UtcDateTime.AddSeconds(120))));

        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed);
        App.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(1, (await App.SendOutboxAsync()).Sent);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed);

        Assert.Single(App.Smtp.Messages);
    }

    [Fact]
    public async Task FailsAfterMaxAttempts_TeamSendsItAgain_FromTheQueuePage_Audited()
    {
        var team = await Data.ProgrammeTeamAsync();
        await App.QueueEmailsAsync(1);
        App.Smtp.Down = true;
        for (var i = 0; i < 6; i++)
        {
            await App.SendOutboxAsync();
            App.Clock.Advance(TimeSpan.FromHours(1));
        }
        var failed = Assert.Single(await RowsAsync());
        Assert.Equal((OutboxStatus.Failed, 6), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);
        Assert.Equal(0, (await App.SendOutboxAsync()).Claimed);

        var client = await SignedInAsync(team.Email!);
        var list = await client.GetDocumentAsync("/Programme/Jobs?status=failed");
        Assert.Contains("person1@test.example", list.Text(), StringComparison.Ordinal);
        var confirm = await client.GetDocumentAsync($"/Programme/Jobs?resend={failed.Id}");
        Assert.Contains("Send ‘Message 1’ to person1@test.example again?", confirm.Text(), StringComparison.Ordinal);
        var posted = await client.SubmitAsync(confirm, new(), "main form[action*='SendAgain']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        App.Smtp.Down = false;
        Assert.Equal(1, (await App.SendOutboxAsync()).Sent);
        Assert.Single(App.Smtp.Messages);
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == "E-mail"));
        Assert.Equal(("E-mail", "Sent again", team.Id), (audit.Subject, audit.Action, audit.UserId));
    }

    [Fact]
    public async Task SendAgain_AMessageThatHasNotFailed_ChangesNothing()
    {
        var team = await Data.ProgrammeTeamAsync();
        await App.QueueEmailsAsync(1);
        var row = Assert.Single(await RowsAsync());
        var client = await SignedInAsync(team.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programme/Jobs?resend={row.Id}")).StatusCode);
        var page = await client.GetDocumentAsync("/Programme/Jobs");
        var posted = await client.PostAsync($"/Programme/Jobs?handler=SendAgain&id={row.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(page))]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal((OutboxStatus.Waiting, 0), ((await RowsAsync())[0].Status, (await RowsAsync())[0].Attempts));
        Assert.False(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == "E-mail")));
    }

    [Fact]
    public async Task JobsPage_ProgrammeTeamOnly()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        var team = await Data.ProgrammeTeamAsync();
        var denied = await (await SignedInAsync("d@test.example")).GetAsync("/Programme/Jobs");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous().GetAsync("/Programme/Jobs")).StatusCode);
        var page = await (await SignedInAsync(team.Email!)).GetDocumentAsync("/Programme/Jobs");
        Assert.Contains("Send e-mail", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Queue reminders", page.Text(), StringComparison.Ordinal);
    }
}
