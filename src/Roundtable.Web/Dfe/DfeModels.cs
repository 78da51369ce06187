using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roundtable.Web.Dfe;

// JSON:API bodies of the DfE Lead Provider API v3, as its OpenAPI document (lead-provider-api-v3.yaml)
// states them. Property names are written snake_case by DfeJson; enum values are kept as strings
// (the vocabularies below) so that a value DfE adds later does not break reading a whole page.

// { "data": ... }
public sealed record DfeDocument<T>(T Data);

// { "id", "type", "attributes" } as DfE returns it.
public sealed record DfeResource<TAttributes>(string Id, string Type, TAttributes Attributes);

// { "type", "attributes" } as we send it.
public sealed record DfeRequestData<TAttributes>(string Type, TAttributes Attributes);

// components/schemas/Application
public sealed record DfeApplicationAttributes
{
    public string CourseIdentifier { get; init; } = "";
    public string? Email { get; init; }
    public bool? EmailValidated { get; init; }
    public string? EmployerName { get; init; }
    public string? EmploymentRole { get; init; }
    public string FullName { get; init; } = "";
    public string? FundingChoice { get; init; }
    public string? HeadteacherStatus { get; init; }
    public string? IneligibleForFundingReason { get; init; }
    public string ParticipantId { get; init; } = "";
    public string? PrivateChildcareProviderUrn { get; init; }
    public string? TeacherReferenceNumber { get; init; }
    public bool? TeacherReferenceNumberValidated { get; init; }
    public string? SchoolUrn { get; init; }
    public string? SchoolUkprn { get; init; }
    public string? Status { get; init; }
    public string? ReasonForRejection { get; init; }
    public bool? WorksInSchool { get; init; }
    public string? Cohort { get; init; }
    public string? CohortSuffix { get; init; }
    public bool? EligibleForFunding { get; init; }
    public bool? TargetedDeliveryFundingEligibility { get; init; }
    public bool? TeacherCatchment { get; init; }
    public string? TeacherCatchmentCountry { get; init; }
    public string? TeacherCatchmentIsoCountryCode { get; init; }
    public string? IttProvider { get; init; }
    public bool? LeadMentor { get; init; }
    public bool? FundedPlace { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? ScheduleIdentifier { get; init; }
    public bool? WorksAsSenco { get; init; }
    public DateOnly? SencoStartDate { get; init; }
}

// components/schemas/ApplicationAcceptRequest attributes: both optional (DfE picks the schedule).
public sealed record DfeAcceptApplicationAttributes(bool? FundedPlace = null, string? ScheduleIdentifier = null);

// components/schemas/Participant
public sealed record DfeParticipantAttributes
{
    public string FullName { get; init; } = "";
    public IReadOnlyList<string> PreviousNames { get; init; } = [];
    public string? TeacherReferenceNumber { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<DfeEnrolment> NpqEnrolments { get; init; } = [];
    public IReadOnlyList<DfeParticipantIdChange> ParticipantIdChanges { get; init; } = [];
}

public sealed record DfeEnrolment
{
    public string CourseIdentifier { get; init; } = "";
    public string? ScheduleIdentifier { get; init; }
    public string? Cohort { get; init; }
    public string? CohortSuffix { get; init; }
    public string NpqApplicationId { get; init; } = "";
    public bool EligibleForFunding { get; init; }
    public string TrainingStatus { get; init; } = "";
    public string? SchoolUrn { get; init; }
    public bool TargetedDeliveryFundingEligibility { get; init; }
    public bool? FundedPlace { get; init; }
    public string? Email { get; init; }
    public DfeEnrolmentChange? Withdrawal { get; init; }
    public DfeEnrolmentChange? Deferral { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

public sealed record DfeEnrolmentChange(string Reason, DateTimeOffset Date);

public sealed record DfeParticipantIdChange(string FromParticipantId, string ToParticipantId, DateTimeOffset ChangedAt);

// ParticipantWithdrawRequest / ParticipantDeferRequest / ParticipantResumeRequest attributes.
public sealed record DfeParticipantChangeAttributes(string CourseIdentifier, string? Reason = null);

// components/schemas/ParticipantDeclaration
public sealed record DfeDeclarationAttributes
{
    public string ParticipantId { get; init; } = "";
    public string DeclarationType { get; init; } = "";
    public string CourseIdentifier { get; init; } = "";
    public DateTimeOffset DeclarationDate { get; init; }
    public string State { get; init; } = "";
    // A string in the document, a boolean from the service: read either.
    [JsonConverter(typeof(LenientBoolConverter))]
    public bool? HasPassed { get; init; }
    public string? StatementId { get; init; }
    public string? ClawbackStatementId { get; init; }
    public bool? UpliftPaid { get; init; }
    public string? LeadProviderName { get; init; }
    public string? IneligibleForFundingReason { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? DeliveryPartnerId { get; init; }
    public string? DeliveryPartnerName { get; init; }
    public string? SecondaryDeliveryPartnerId { get; init; }
    public string? SecondaryDeliveryPartnerName { get; init; }
    public string? ApplicationId { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

// ParticipantDeclarationStartedRequest / RetainedRequest / CompletedRequest (additionalProperties:
// false: has_passed is written for completed only; nulls are never written).
public sealed record DfeDeclarationRequest
{
    public required string ParticipantId { get; init; }
    public required string DeclarationType { get; init; }
    // date-time, UTC, whole seconds: "2021-05-31T02:21:32Z"
    public required string DeclarationDate { get; init; }
    public required string CourseIdentifier { get; init; }
    public bool? HasPassed { get; init; }
    public string? DeliveryPartnerId { get; init; }
    public string? SecondaryDeliveryPartnerId { get; init; }

    public static DfeDeclarationRequest Create(string participantId, string declarationType, string courseIdentifier, DateTime declarationDateUtc, bool? hasPassed = null) => new()
    {
        ParticipantId = participantId,
        DeclarationType = declarationType,
        CourseIdentifier = courseIdentifier,
        DeclarationDate = DfeJson.DateTime(declarationDateUtc),
        HasPassed = declarationType == DfeDeclarationTypes.Completed ? hasPassed : null,
    };
}

// One page of a list, as asked: page[page] counts from 1.
public sealed record DfePageRequest(int Page = 1, int PerPage = 100);

public static class DfeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // The API's date-time format: UTC, whole seconds, Z.
    public static string DateTime(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => DateTime(at.UtcDateTime);
}

internal sealed class LenientBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => bool.TryParse(reader.GetString(), out var b) ? b : null,
        _ => null,
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } b)
        {
            writer.WriteBooleanValue(b);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

// The JSON:API "type" of each request body.
public static class DfeTypes
{
    public const string Application = "npq_application";
    public const string ApplicationAccept = "npq-application-accept";
    public const string Participant = "npq-participant";
    public const string ParticipantWithdraw = "participant-withdraw";
    public const string ParticipantDefer = "participant-defer";
    public const string ParticipantResume = "participant-resume";
    public const string Declaration = "participant-declaration";
}

public static class DfeCourses
{
    public const string Headship = "npq-headship";

    public static readonly IReadOnlyList<string> All =
    [
        "npq-senior-leadership", "npq-headship", "npq-executive-leadership", "npq-early-years-leadership",
        "npq-leading-teaching", "npq-leading-behaviour-culture", "npq-leading-teaching-development",
        "npq-leading-literacy", "npq-leading-primary-mathematics", "npq-additional-support-offer",
        "npq-early-headship-coaching-offer", "npq-senco",
    ];
}

public static class DfeDeclarationTypes
{
    public const string Started = "started";
    public const string Retained1 = "retained-1";
    public const string Retained2 = "retained-2";
    public const string Completed = "completed";

    public static readonly IReadOnlyList<string> All = [Started, Retained1, Retained2, Completed];
}

public static class DfeDeclarationStates
{
    public static readonly IReadOnlyList<string> All = ["submitted", "eligible", "payable", "paid", "voided", "ineligible", "awaiting_clawback", "clawed_back"];
}

public static class DfeApplicationStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}

public static class DfeTrainingStatuses
{
    public const string Active = "active";
    public const string Deferred = "deferred";
    public const string Withdrawn = "withdrawn";
}

// The reasons DfE allows, with the words the team sees.
public static class DfeReasons
{
    public static readonly IReadOnlyList<(string Value, string Text)> Withdrawal =
    [
        ("insufficient-capacity-to-undertake-programme", "Insufficient capacity to undertake the programme"),
        ("personal-reason-health-or-pregnancy-related", "Personal reason: health or pregnancy related"),
        ("personal-reason-moving-school", "Personal reason: moving school"),
        ("personal-reason-other", "Personal reason: other"),
        ("insufficient-capacity", "Insufficient capacity"),
        ("change-in-developmental-or-personal-priorities", "Change in developmental or personal priorities"),
        ("change-in-school-circumstances", "Change in school circumstances"),
        ("change-in-school-leadership", "Change in school leadership"),
        ("quality-of-programme-structure-not-suitable.", "Quality of programme: structure not suitable"),
        ("quality-of-programme-content-not-suitable", "Quality of programme: content not suitable"),
        ("quality-of-programme-facilitation-not-effective", "Quality of programme: facilitation not effective"),
        ("quality-of-programme-accessibility", "Quality of programme: accessibility"),
        ("quality-of-programme-other", "Quality of programme: other"),
        ("programme-not-appropriate-for-role-and-cpd-needs", "Programme not appropriate for role and CPD needs"),
        ("started-in-error", "Started in error"),
        ("expected-commitment-unclear", "Expected commitment unclear"),
        ("assessment-requirements-not-met", "Assessment requirements not met"),
        ("change-in-career", "Change in career"),
        ("disengaged-and-unresponsive", "Disengaged and unresponsive"),
        ("non-payment-of-invoice", "Non-payment of invoice"),
        ("other", "Other"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Deferral =
    [
        ("bereavement", "Bereavement"),
        ("long-term-sickness", "Long-term sickness"),
        ("parental-leave", "Parental leave"),
        ("career-break", "Career break"),
        ("other", "Other"),
    ];
}
