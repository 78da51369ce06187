using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Api;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Scheduling;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.People;

namespace Roundtable.Tests.Cluster;

// The reference cluster (two app servers behind nginx, scripts/cluster.sh) delivering to a real SMTP
// listener, its e-mail job quick: every second, three messages a claim, a five-second lease.
public class MailingCluster : ProxyCluster
{
    public SmtpListener Smtp { get; } = new();

    protected override Dictionary<string, string> Settings => new()
    {
        ["CLUSTER_SMTP_PORT"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scheduling__OutboxIntervalSeconds"] = "1",
        ["Scheduling__ClusterCheckinSeconds"] = "2",
        ["Email__Outbox__BatchSize"] = "3",
        ["Email__Outbox__LeaseSeconds"] = "5",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    // Waits (real time, generously) until the condition holds; the failure says what was last seen.
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>> describe, int seconds = 90)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The cluster did not get there in {seconds} s: {await describe()}");
    }

    public async Task<List<OutboxMessage>> OutboxAsync(string prefix)
    {
        var seeder = await SeederAsync();
        return await seeder.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.StartsWith(prefix)).OrderBy(m => m.Id).ToListAsync());
    }

    public List<MimeKit.MimeMessage> Arrived(string prefix) =>
        Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address.StartsWith(prefix, StringComparison.Ordinal))).ToList();
}

// Work spread over both servers through nginx: races decided by the database, live screens pushed
// across servers, and the scheduled e-mail job doing each piece of work once. PostgreSQL pass only.
public sealed class ClusterWorkTests(MailingCluster cluster) : IClassFixture<MailingCluster>
{
    private static HttpRequestMessage Request(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [PostgresFact]
    public async Task HundredDelegates_RaceForOneSlot_OverBothServers_OneBooking_99ClearRefusals()
    {
        var seeder = await cluster.SeederAsync();
        var data = new TestData(seeder);
        var today = DateOnly.FromDateTime(seeder.Clock.GetUtcNow().UtcDateTime);
        // Tutorial 1's window (three months from the course start) is open for weeks yet.
        var cohort = await data.CohortAsync("Race cohort", start: today.AddMonths(-1));
        var partner = await seeder.PartnerProfileAsync(await data.PartnerAsync("race-partner@test.example"), monthlyCap: 60);
        var slot = await seeder.SlotAsync(partner, TimeSpan.FromDays(7));
        var tokens = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            await data.DelegateAsync(cohort, $"race{i}@test.example");
            tokens.Add(await cluster.TokenAsync($"race{i}@test.example"));
        }

        using var client = cluster.Client();
        var responses = await Task.WhenAll(tokens.Select(token => client.SendAsync(Request(HttpMethod.Post, "/api/v1/bookings", token,
            new { slotId = slot.Id, project = 1, focus = "Governors first", projectSummary = "Reading fluency across Key Stage 2." }))));

        Assert.Equal(2, responses.Select(ProxyCluster.Upstream).Distinct().Count());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(99, refused.Count);
        foreach (var response in refused)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        Assert.Equal(1, await seeder.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == slot.Id)));
    }

    [PostgresFact]
    public async Task LiveSession_ScreensOnBothServers_SeeEveryStepTheChairTakes()
    {
        var seeder = await cluster.SeederAsync();
        var data = new TestData(seeder);
        var cohort = await data.CohortAsync("Live cohort");
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            // Birthdays in January, in order: live1 chairs the first session.
            members.Add(await data.DelegateAsync(cohort, $"live{i}@test.example", birthday: new Birthday(i, 1), name: $"Live Member {i}"));
        }
        var session = await seeder.SessionAsync(await seeder.GroupAsync(cohort, members, name: "Live group"), TimeSpan.FromMinutes(-1));
        var url = $"/api/v1/sessions/{session.Id}/live";
        var chair = await cluster.TokenAsync("live1@test.example");

        // Members' screens, opened until they are connected to both servers.
        using var client = cluster.Client();
        client.Timeout = TimeSpan.FromMinutes(5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var screens = new List<(string Server, HttpResponseMessage Response, StreamReader Reader)>();
        for (var i = 0; i < 6 && screens.Select(s => s.Server).Distinct().Count() < 2; i++)
        {
            var token = await cluster.TokenAsync($"live{2 + (i % 3)}@test.example");
            var response = await client.SendAsync(Request(HttpMethod.Get, $"{url}/events", token), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            Assert.Equal("NotStarted", (await LiveEvents.NextStateAsync(reader, timeout.Token)).GetProperty("status").GetString());
            screens.Add((ProxyCluster.Upstream(response), response, reader));
        }
        Assert.Equal(2, screens.Select(s => s.Server).Distinct().Count());

        try
        {
            // Each action is made on one server and so reaches a screen connected to the other.
            var steps = new (string Action, object Body, string Status, int Step)[]
            {
                ("start", new { }, "Running", 0),
                ("next", new { fromStep = 0 }, "Running", 1),
                ("next", new { fromStep = 1 }, "Running", 2),
                ("pause", new { }, "Paused", 2),
            };
            foreach (var (action, body, status, step) in steps)
            {
                var acted = await client.SendAsync(Request(HttpMethod.Post, $"{url}/{action}", chair, body), timeout.Token);
                Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
                foreach (var screen in screens)
                {
                    var state = await LiveEvents.NextStateAsync(screen.Reader, timeout.Token);
                    Assert.Equal((status, step), (state.GetProperty("status").GetString(), state.GetProperty("stepIndex").GetInt32()));
                }
            }
        }
        finally
        {
            foreach (var screen in screens)
            {
                screen.Reader.Dispose();
                screen.Response.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task ScheduledEmailJob_BothServersRunningIt_EachMessageSentExactlyOnce()
    {
        var seeder = await cluster.SeederAsync();
        const int count = 30;
        await seeder.QueueEmailsAsync(count, prefix: "once");

        await MailingCluster.WaitUntilAsync(
            async () => (await cluster.OutboxAsync("once")).All(m => m.Status == OutboxStatus.Sent) && cluster.Arrived("once").Count >= count,
            async () => $"{(await cluster.OutboxAsync("once")).Count(m => m.Status == OutboxStatus.Sent)} of {count} sent, {cluster.Arrived("once").Count} arrived");

        var rows = await cluster.OutboxAsync("once");
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        // Each message arrived once: the same Message-Ids, none twice.
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), cluster.Arrived("once").Select(m => m.MessageId).Order(StringComparer.Ordinal));
        // Both servers' schedulers were in the cluster the whole time.
        var schedulers = await seeder.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync());
        Assert.Equal(2, schedulers.Count);
    }
}
