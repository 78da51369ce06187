namespace Roundtable.Web.Dfe;

// The DfE link's settings the programme team keeps: one row. The token is stored protected
// (Data Protection); only its last characters are kept in clear, to show which token is set.
public class DfeSettings
{
    public const int SingletonId = 1;
    public const int BaseUrlMaxLength = 300;
    public const int TokenMaxLength = 500;
    public const int ProviderNameMaxLength = 200;
    public const int OutcomeMaxLength = 1000;

    public int Id { get; set; } = SingletonId;
    public string? BaseUrl { get; set; }
    public string? ProtectedToken { get; set; }
    public string? TokenEnding { get; set; }
    public string? ProviderName { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    // The last sync, and how far DfE's records are known (the next sync asks for what changed since).
    public DateTime? LastSyncStartedAt { get; set; }
    public DateTime? LastSyncFinishedAt { get; set; }
    public string? LastSyncOutcome { get; set; }
    public bool LastSyncFailed { get; set; }
    public DateTime? ApplicationsSyncedTo { get; set; }
    public DateTime? ParticipantsSyncedTo { get; set; }
}

public enum DfeApplicationStatus { Pending, Accepted, Rejected }

// An NPQ application for one of our courses as DfE last gave it, and what the team decided.
public class DfeApplication
{
    public const int IdMaxLength = 36;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int CodeMaxLength = 60;
    public const int TextMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int ErrorMaxLength = 1000;

    public int Id { get; set; }
    public string DfeId { get; set; } = "";
    public string DfeParticipantId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Email { get; set; }
    public string CourseIdentifier { get; set; } = "";
    public string? SchoolUrn { get; set; }
    public string? SchoolUkprn { get; set; }
    public string? EmployerName { get; set; }
    public string? EmploymentRole { get; set; }
    public string? DfeCohort { get; set; }
    public string? ScheduleIdentifier { get; set; }
    public string? FundingChoice { get; set; }
    public bool? EligibleForFunding { get; set; }
    public string? IneligibleForFundingReason { get; set; }
    public bool? TargetedDeliveryFundingEligibility { get; set; }
    public bool? FundedPlace { get; set; }
    public string? HeadteacherStatus { get; set; }
    public bool? WorksInSchool { get; set; }
    public bool? TeacherReferenceNumberValidated { get; set; }
    public DfeApplicationStatus Status { get; set; }
    public string? ReasonForRejection { get; set; }
    public DateTime DfeUpdatedAt { get; set; }
    public DateTime SyncedAt { get; set; }

    // The team's decision, once DfE has taken it.
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public int? ParticipantRowId { get; set; }

    // The last call to DfE about it that did not work, shown with "try again".
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}

public enum DfeTrainingChange { Withdraw, Defer, Resume }

public enum DfeSendState { Waiting, Sent, Refused, Failed }

// A withdrawal, deferral or resumption recorded in Roundtable, and its passage to DfE.
public class DfeStatusChange
{
    public const int ReasonMaxLength = 60;
    public const int ErrorMaxLength = 1000;

    public int Id { get; set; }
    public int ParticipantRowId { get; set; }
    public DfeTrainingChange Change { get; set; }
    public string? Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public DfeSendState State { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}
