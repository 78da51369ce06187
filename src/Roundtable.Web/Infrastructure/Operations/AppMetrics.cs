using System.Diagnostics.Metrics;

namespace Roundtable.Web.Infrastructure.Operations;

// Roundtable's own measurements, exported with ASP.NET Core's and the HTTP client's at /metrics
// (names there: dots become underscores, counters gain "_total", e.g. roundtable_bookings_made_total).
public static class AppMetrics
{
    public const string MeterName = "Roundtable";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> BookingsMade =
        Meter.CreateCounter<long>("roundtable.bookings.made", "{booking}", "Tutorial bookings made");

    public static readonly Counter<long> LiveActions =
        Meter.CreateCounter<long>("roundtable.live.actions", "{action}", "Live session actions applied (start, next, pause…), by action");

    public static readonly Counter<long> EmailsQueued =
        Meter.CreateCounter<long>("roundtable.emails.queued", "{email}", "E-mails added to the outbox with a change being saved");

    public static readonly Counter<long> EmailsSent =
        Meter.CreateCounter<long>("roundtable.emails.sent", "{email}", "E-mails the SMTP server accepted");

    public static readonly Counter<long> EmailsFailed =
        Meter.CreateCounter<long>("roundtable.emails.failed", "{attempt}", "Attempts to send an e-mail that failed (retried until the last)");

    public static readonly Histogram<double> JobLag =
        Meter.CreateHistogram<double>("roundtable.job.lag", "s", "How late a scheduled job started after its planned time, by job (reminders: the reminder lag)");

    public static readonly Counter<long> DfeCalls =
        Meter.CreateCounter<long>("roundtable.dfe.calls", "{call}", "Calls to DfE's Lead Provider API, by method and outcome");
}
