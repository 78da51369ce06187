namespace Roundtable.Web.Scheduling;

// Each job's latest run, in the database so that every server's page shows every server's runs.
public class JobRun
{
    public const int NameMaxLength = 80;
    public const int ErrorMaxLength = 2000;
    public const int ServerMaxLength = 200;

    public string JobName { get; set; } = "";
    public DateTime LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }
    public string? LastServer { get; set; }
    public string? LastOutcome { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public string? LastError { get; set; }
}
