namespace Roundtable.Web.Privacy;

// How long each kind of record is kept, set by the programme team. One row; the defaults are what the
// page shows as "sensible" and what a fresh database starts with.
public class RetentionSettings
{
    public const int SingletonId = 1;
    public const int MinMonths = 1;
    public const int MaxMonths = 240;

    // NPQs run 12 to 18 months; the end of a delegate's programme is the course start plus this.
    public const int DefaultProgrammeMonths = 18;
    // Everything else about a delegate (account, problem cards, buddy notes, projects, bookings'
    // words): a year after the programme ends leaves time for appeals and late DfE declarations.
    public const int DefaultDelegateRecordsMonths = 12;
    // Assessment outcomes: the awarding rules ask for six years after the programme ends.
    public const int DefaultAssessmentOutcomeMonths = 72;
    // Invoices: six years from the invoice date (HMRC).
    public const int DefaultInvoiceMonths = 72;

    public int Id { get; set; } = SingletonId;
    public int ProgrammeMonths { get; set; } = DefaultProgrammeMonths;
    public int DelegateRecordsMonths { get; set; } = DefaultDelegateRecordsMonths;
    public int AssessmentOutcomeMonths { get; set; } = DefaultAssessmentOutcomeMonths;
    public int InvoiceMonths { get; set; } = DefaultInvoiceMonths;
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    public DateOnly ProgrammeEnd(DateOnly courseStart) => courseStart.AddMonths(ProgrammeMonths);

    public DateOnly DelegateRecordsExpire(DateOnly courseStart) => ProgrammeEnd(courseStart).AddMonths(DelegateRecordsMonths);

    public DateOnly OutcomesExpire(DateOnly courseStart) => ProgrammeEnd(courseStart).AddMonths(AssessmentOutcomeMonths);

    public DateOnly InvoiceExpires(DateOnly issuedOn) => issuedOn.AddMonths(InvoiceMonths);
}
