using Quartz;
using Roundtable.Web.Data;
using Roundtable.Web.Scheduling;

namespace Roundtable.Web.Dfe;

// Sends queued declarations and settles those whose server stopped mid-call (read back from DfE
// first). The team's own submissions are sent at once; this catches whatever they left behind.
public sealed class DeclarationsJob(DeclarationSubmissions submissions, AppDbContext db, TimeProvider time, ILogger<DeclarationsJob> log) : RecordedJob(db, time, log)
{
    public const string JobName = "submit-declarations";
    public static readonly JobKey Key = new(JobName);

    public override string Name => JobName;

    protected override async Task<string> RunAsync(CancellationToken ct) => (await submissions.SendQueuedAsync(ct)).ToString();
}
