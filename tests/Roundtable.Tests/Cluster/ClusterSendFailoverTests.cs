using System.Diagnostics;
using System.Text.RegularExpressions;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Scheduling;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Tests.Cluster;

// Issue 14: a host dropped mid-send. Both servers of the reference cluster send a queue of e-mail to
// a real SMTP listener; the one whose message the listener is holding mid-DATA is killed with
// SIGKILL. When its five-second lease runs out, the other server takes its messages over: every
// message arrives exactly once. Its own cluster, since a server is killed for good.
public sealed partial class ClusterSendFailoverTests(MailingCluster cluster) : IClassFixture<MailingCluster>
{
    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidField();

    [PostgresFact]
    public async Task ServerKilledWhileSending_TheOtherTakesOverItsMessages_EachArrivesOnce()
    {
        const int count = 20;
        var seeder = await cluster.SeederAsync();
        var held = cluster.Smtp.HoldNextData();
        await seeder.QueueEmailsAsync(count, prefix: "dropped");
        var first = await Task.WhenAny(held, Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(first == held, "No server started sending.");

        // The server that is mid-DATA: the one owning the held connection's client end.
        var client = cluster.Smtp.HeldClient!;
        var owner = await OwnerOfAsync(client.Port);
        var server = owner == cluster.Pid(1) ? 1 : owner == cluster.Pid(2) ? 2 : 0;
        Assert.True(server > 0, $"The held connection (port {client.Port}) belongs to process {owner}, not to a cluster server.");
        var claimedByIt = (await cluster.OutboxAsync("dropped")).Count(m => m.Status == OutboxStatus.Waiting && m.LockedBy is not null);
        Assert.True(claimedByIt >= 1);
        cluster.Kill(server);

        await MailingCluster.WaitUntilAsync(
            async () => (await cluster.OutboxAsync("dropped")).All(m => m.Status == OutboxStatus.Sent) && cluster.Arrived("dropped").Count >= count,
            async () => $"{(await cluster.OutboxAsync("dropped")).Count(m => m.Status == OutboxStatus.Sent)} of {count} sent, {cluster.Arrived("dropped").Count} arrived");

        var rows = await cluster.OutboxAsync("dropped");
        Assert.Equal(count, rows.Count);
        // Sent on the first recorded attempt each: the killed server recorded nothing for its claim.
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        // The held message was never accepted by the listener, so each Message-Id arrived exactly once.
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal),
            cluster.Arrived("dropped").Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    // Which process has a TCP connection from this local port (ss shows the owner of our own processes).
    private static async Task<int> OwnerOfAsync(int port)
    {
        var start = new ProcessStartInfo("ss", ["-Htnp", "state", "established", $"( sport = :{port} )"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = PidField().Match(output);
        Assert.True(match.Success, $"ss did not show the owner of port {port}: {output}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
