using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Roundtable.Tests.Dfe;

// DfE's Lead Provider API v3 as its OpenAPI document describes it, in-process on a random port.
// It answers as DfE would (JSON:API, paging with page[page] and page[per_page], 401 without the
// bearer token, 422 with DfE's error texts) and checks every request against the document's schemas:
// each departure is written to Violations, which the tests assert to be empty. Its bodies are built
// here by hand, not from the app's DTOs, so a wrong name in the client shows up.
// Switches: TooManyRequests (429 with Retry-After), ServerErrors (500, then success),
// LoseNextDeclarationResponse (records the declaration, then answers 500: a lost answer).
public sealed class FakeDfeServer : IAsyncDisposable
{
    public const string Token = "fake-dfe-token-3f9a1c7e5b2d4a60";
    public const string LeadProviderName = "Roundtable Leadership Learning";
    public const string DuplicateDeclarationError = "A declaration has already been submitted that will be, or has been, paid for this event";

    public static readonly IReadOnlyList<string> Courses =
    [
        "npq-senior-leadership", "npq-headship", "npq-executive-leadership", "npq-early-years-leadership",
        "npq-leading-teaching", "npq-leading-behaviour-culture", "npq-leading-teaching-development",
        "npq-leading-literacy", "npq-leading-primary-mathematics", "npq-additional-support-offer",
        "npq-early-headship-coaching-offer", "npq-senco",
    ];

    public static readonly IReadOnlyList<string> Schedules =
    [
        "npq-aso-march", "npq-aso-june", "npq-aso-november", "npq-aso-december", "npq-ehco-march", "npq-ehco-june",
        "npq-ehco-november", "npq-ehco-december", "npq-leadership-autumn", "npq-leadership-spring",
        "npq-specialist-autumn", "npq-specialist-spring",
    ];

    public static readonly IReadOnlyList<string> WithdrawalReasons =
    [
        "insufficient-capacity-to-undertake-programme", "personal-reason-health-or-pregnancy-related", "personal-reason-moving-school",
        "personal-reason-other", "insufficient-capacity", "change-in-developmental-or-personal-priorities", "change-in-school-circumstances",
        "change-in-school-leadership", "quality-of-programme-structure-not-suitable.", "quality-of-programme-content-not-suitable",
        "quality-of-programme-facilitation-not-effective", "quality-of-programme-accessibility", "quality-of-programme-other",
        "programme-not-appropriate-for-role-and-cpd-needs", "started-in-error", "expected-commitment-unclear",
        "assessment-requirements-not-met", "change-in-career", "disengaged-and-unresponsive", "non-payment-of-invoice", "other",
    ];

    public static readonly IReadOnlyList<string> DeferralReasons = ["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"];

    public static readonly IReadOnlyList<string> DeclarationTypes = ["started", "retained-1", "retained-2", "completed"];

    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<FakeApplication> applications = [];
    private readonly List<FakeParticipant> participants = [];
    private readonly List<FakeDeclaration> declarations = [];
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<FakeRequest> requests = new();

    private FakeDfeServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    // The clock that stamps records and judges "a future date"; the tests' fixed clock when given.
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    // The next N requests answer 429 with Retry-After: RetryAfterSeconds.
    public int TooManyRequests { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    // The next N requests answer 500; the one after is served.
    public int ServerErrors { get; set; }

    // The next declaration is recorded, and the answer is a 500 (as if the connection dropped).
    public bool LoseNextDeclarationResponse { get; set; }

    public IReadOnlyList<string> Violations => violations.ToList();

    public IReadOnlyList<FakeRequest> Requests => requests.ToList();

    public IReadOnlyList<FakeApplication> Applications { get { lock (gate) { return applications.ToList(); } } }

    public IReadOnlyList<FakeParticipant> Participants { get { lock (gate) { return participants.ToList(); } } }

    public IReadOnlyList<FakeDeclaration> Declarations { get { lock (gate) { return declarations.ToList(); } } }

    public static async Task<FakeDfeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDfeServer(app);
        server.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Reset()
    {
        lock (gate)
        {
            applications.Clear();
            participants.Clear();
            declarations.Clear();
        }
        violations.Clear();
        requests.Clear();
        (TooManyRequests, ServerErrors, LoseNextDeclarationResponse, RetryAfterSeconds, Clock) = (0, 0, false, 1, TimeProvider.System);
    }

    // A pending application, as a teacher's registration creates one.
    public FakeApplication AddApplication(string fullName = "Alex Example", string course = "npq-headship", string cohort = "2025",
        string? schoolUrn = "100001", DateTimeOffset? updatedAt = null, string? participantId = null)
    {
        var at = updatedAt ?? Clock.GetUtcNow();
        var application = new FakeApplication
        {
            Id = Guid.NewGuid().ToString(),
            ParticipantId = participantId ?? Guid.NewGuid().ToString(),
            FullName = fullName,
            Email = $"{fullName.ToLowerInvariant().Replace(' ', '.')}@school.example",
            CourseIdentifier = course,
            Cohort = cohort,
            SchoolUrn = schoolUrn,
            CreatedAt = at,
            UpdatedAt = at,
        };
        lock (gate)
        {
            applications.Add(application);
        }
        return application;
    }

    // A participant already accepted on a course (for declaration tests), with its accepted application.
    public FakeParticipant AddParticipant(string course = "npq-headship", string cohort = "2025", string? participantId = null, string fullName = "Sam Example")
    {
        var application = AddApplication(fullName, course, cohort, participantId: participantId);
        lock (gate)
        {
            application.Status = "accepted";
            return Enrol(application);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Violation(HttpContext http, string message) => violations.Enqueue($"{http.Request.Method} {http.Request.Path}: {message}");

    private void Map()
    {
        app.Use(async (http, next) =>
        {
            var body = "";
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                using var reader = new StreamReader(http.Request.Body);
                body = await reader.ReadToEndAsync();
            }
            http.Items["body"] = body;
            requests.Enqueue(new FakeRequest(http.Request.Method, http.Request.Path + Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""), body, http.Request.Headers.Authorization.ToString()));

            if (http.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                await Write(http, 401, new JsonObject { ["error"] = "HTTP Token: Access denied" });
                return;
            }
            if (TakeSwitch(() => TooManyRequests, v => TooManyRequests = v))
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Write(http, 429, new JsonObject { ["error"] = "Too many requests" });
                return;
            }
            if (TakeSwitch(() => ServerErrors, v => ServerErrors = v))
            {
                await Write(http, 500, new JsonObject { ["error"] = "Internal server error" });
                return;
            }
            if (body.Length > 0 && !(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal))
            {
                Violation(http, $"a body sent as {http.Request.ContentType} instead of application/json");
            }
            if (HttpMethods.IsGet(http.Request.Method) && body.Length > 0)
            {
                Violation(http, "a GET with a body");
            }
            await next(http);
        });

        app.MapGet("/api/v3/npq-applications", ListApplications);
        app.MapGet("/api/v3/npq-applications/{id}", (HttpContext http, string id) => Single(http, id, FindApplication(id), ApplicationJson));
        app.MapPost("/api/v3/npq-applications/{id}/accept", AcceptApplication);
        app.MapPost("/api/v3/npq-applications/{id}/reject", RejectApplication);
        app.MapGet("/api/v3/participants/npq", ListParticipants);
        app.MapGet("/api/v3/participants/npq/{id}", (HttpContext http, string id) => Single(http, id, FindParticipant(id), ParticipantJson));
        app.MapPut("/api/v3/participants/npq/{id}/withdraw", (HttpContext http, string id) => ChangeParticipant(http, id, "withdraw"));
        app.MapPut("/api/v3/participants/npq/{id}/defer", (HttpContext http, string id) => ChangeParticipant(http, id, "defer"));
        app.MapPut("/api/v3/participants/npq/{id}/resume", (HttpContext http, string id) => ChangeParticipant(http, id, "resume"));
        app.MapPost("/api/v3/participant-declarations", SubmitDeclaration);
        app.MapGet("/api/v3/participant-declarations", ListDeclarations);
        app.MapGet("/api/v3/participant-declarations/{id}", (HttpContext http, string id) => Single(http, id, FindDeclaration(id), DeclarationJson));
        app.MapPut("/api/v3/participant-declarations/{id}/void", VoidDeclaration);
        app.MapFallback((HttpContext http) =>
        {
            Violation(http, "no such path in the API");
            return Write(http, 404, new JsonObject { ["error"] = "Resource not found" });
        });
    }

    private bool TakeSwitch(Func<int> get, Action<int> set)
    {
        lock (gate)
        {
            var left = get();
            if (left <= 0)
            {
                return false;
            }
            set(left - 1);
            return true;
        }
    }

    // ---- Applications ----

    private async Task ListApplications(HttpContext http)
    {
        if (!ReadListQuery(http, ["cohort", "updated_since", "participant_id"], out var page, out var perPage, out var filters))
        {
            await BadParameter(http);
            return;
        }
        List<FakeApplication> rows;
        lock (gate)
        {
            rows = applications
                .Where(a => filters.Cohorts is null || filters.Cohorts.Contains(a.Cohort))
                .Where(a => filters.UpdatedSince is null || a.UpdatedAt >= filters.UpdatedSince)
                .Where(a => filters.ParticipantIds is null || filters.ParticipantIds.Contains(a.ParticipantId))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        }
        await WritePage(http, rows, page, perPage, ApplicationJson);
    }

    private async Task AcceptApplication(HttpContext http, string id)
    {
        var body = (string)http.Items["body"]!;
        if (body.Length > 0)
        {
            var attributes = CheckEnvelope(http, body, type: null, out _);
            if (attributes is not null)
            {
                CheckType(http, attributes, "funded_place", JsonValueKind.True, JsonValueKind.False);
                if (attributes.TryGetPropertyValue("schedule_identifier", out var schedule) && schedule is not null)
                {
                    CheckEnum(http, attributes, "schedule_identifier", Schedules);
                }
                CheckNoOthers(http, attributes, ["funded_place", "schedule_identifier"]);
            }
        }
        FakeApplication? application;
        string? refusal = null;
        lock (gate)
        {
            application = FindApplication(id);
            if (application is not null)
            {
                if (application.Status == "accepted")
                {
                    refusal = "This NPQ application has already been accepted";
                }
                else if (application.Status == "rejected")
                {
                    refusal = "Once rejected an application cannot change state";
                }
                else if (applications.Any(a => a != application && a.ParticipantId == application.ParticipantId && a.CourseIdentifier == application.CourseIdentifier && a.Status == "accepted"))
                {
                    refusal = "The participant has already had an application accepted for this course.";
                }
                else
                {
                    application.Status = "accepted";
                    application.UpdatedAt = Clock.GetUtcNow();
                    Enrol(application);
                }
            }
        }
        if (application is null)
        {
            await NotFound(http);
        }
        else if (refusal is not null)
        {
            await Unprocessable(http, "status", refusal);
        }
        else
        {
            await Write(http, 200, new JsonObject { ["data"] = ApplicationJson(application) });
        }
    }

    private async Task RejectApplication(HttpContext http, string id)
    {
        if (((string)http.Items["body"]!).Length > 0)
        {
            Violation(http, "the reject endpoint takes no request body");
        }
        FakeApplication? application;
        string? refusal = null;
        lock (gate)
        {
            application = FindApplication(id);
            if (application is not null)
            {
                if (application.Status == "accepted")
                {
                    refusal = "Once accepted an application cannot change state";
                }
                else if (application.Status == "rejected")
                {
                    refusal = "This NPQ application has already been rejected";
                }
                else
                {
                    application.Status = "rejected";
                    application.ReasonForRejection = "Rejected by the lead provider";
                    application.UpdatedAt = Clock.GetUtcNow();
                }
            }
        }
        if (application is null)
        {
            await NotFound(http);
        }
        else if (refusal is not null)
        {
            await Unprocessable(http, "status", refusal);
        }
        else
        {
            await Write(http, 200, new JsonObject { ["data"] = ApplicationJson(application) });
        }
    }

    private FakeApplication? FindApplication(string id)
    {
        lock (gate)
        {
            return applications.FirstOrDefault(a => a.Id == id);
        }
    }

    private FakeParticipant Enrol(FakeApplication application)
    {
        var participant = participants.FirstOrDefault(p => p.Id == application.ParticipantId);
        if (participant is null)
        {
            participant = new FakeParticipant { Id = application.ParticipantId, FullName = application.FullName, CreatedAt = Clock.GetUtcNow() };
            participants.Add(participant);
        }
        participant.Enrolments.Add(new FakeEnrolment { Application = application, CreatedAt = Clock.GetUtcNow() });
        participant.UpdatedAt = Clock.GetUtcNow();
        return participant;
    }

    // ---- Participants ----

    private async Task ListParticipants(HttpContext http)
    {
        if (!ReadListQuery(http, ["updated_since", "training_status", "from_participant_id"], out var page, out var perPage, out var filters))
        {
            await BadParameter(http);
            return;
        }
        var status = http.Request.Query["filter[training_status]"].ToString();
        if (status.Length > 0 && status is not ("active" or "deferred" or "withdrawn"))
        {
            Violation(http, $"filter[training_status] '{status}' is not in the enum");
        }
        List<FakeParticipant> rows;
        lock (gate)
        {
            rows = participants
                .Where(p => filters.UpdatedSince is null || p.UpdatedAt >= filters.UpdatedSince)
                .Where(p => status.Length == 0 || p.Enrolments.Any(e => e.TrainingStatus == status))
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        }
        await WritePage(http, rows, page, perPage, ParticipantJson);
    }

    private async Task ChangeParticipant(HttpContext http, string id, string action)
    {
        var attributes = CheckEnvelope(http, (string)http.Items["body"]!, $"participant-{action}", out var envelopeOk);
        string? course = null;
        string? reason = null;
        if (attributes is not null)
        {
            course = CheckEnum(http, attributes, "course_identifier", Courses, required: true);
            if (action != "resume")
            {
                reason = CheckEnum(http, attributes, "reason", action == "withdraw" ? WithdrawalReasons : DeferralReasons, required: true);
                CheckNoOthers(http, attributes, ["course_identifier", "reason"]);
            }
            else
            {
                CheckNoOthers(http, attributes, ["course_identifier"]);
            }
        }
        if (!envelopeOk || course is null || (action != "resume" && reason is null))
        {
            await Unprocessable(http, "course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.");
            return;
        }
        FakeParticipant? participant;
        string? refusal = null;
        lock (gate)
        {
            participant = FindParticipant(id);
            var enrolment = participant?.Enrolments.FirstOrDefault(e => e.Application.CourseIdentifier == course);
            if (participant is not null && enrolment is null)
            {
                refusal = "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.";
            }
            else if (participant is not null && enrolment is not null)
            {
                var now = Clock.GetUtcNow();
                switch (action)
                {
                    case "withdraw" when enrolment.TrainingStatus == "withdrawn":
                        refusal = "The participant is already withdrawn";
                        break;
                    case "withdraw":
                        enrolment.TrainingStatus = "withdrawn";
                        enrolment.Withdrawal = (reason!, now);
                        break;
                    case "defer" when enrolment.TrainingStatus != "active":
                        refusal = "The participant is not active, so cannot be deferred";
                        break;
                    case "defer":
                        enrolment.TrainingStatus = "deferred";
                        enrolment.Deferral = (reason!, now);
                        break;
                    case "resume" when enrolment.TrainingStatus == "active":
                        refusal = "The participant is already active";
                        break;
                    case "resume":
                        enrolment.TrainingStatus = "active";
                        (enrolment.Withdrawal, enrolment.Deferral) = (null, null);
                        break;
                }
                participant.UpdatedAt = now;
            }
        }
        if (participant is null)
        {
            await NotFound(http);
        }
        else if (refusal is not null)
        {
            await Unprocessable(http, action == "resume" ? "training_status" : "course_identifier", refusal);
        }
        else
        {
            await Write(http, 200, new JsonObject { ["data"] = ParticipantJson(participant) });
        }
    }

    private FakeParticipant? FindParticipant(string id)
    {
        lock (gate)
        {
            return participants.FirstOrDefault(p => p.Id == id);
        }
    }

    // ---- Declarations ----

    private async Task SubmitDeclaration(HttpContext http)
    {
        var attributes = CheckEnvelope(http, (string)http.Items["body"]!, "participant-declaration", out var envelopeOk);
        if (attributes is null || !envelopeOk)
        {
            await Unprocessable(http, "data", "correct json data structure required. See API docs for reference");
            return;
        }
        var participantId = CheckUuid(http, attributes, "participant_id", required: true);
        var type = CheckEnum(http, attributes, "declaration_type", DeclarationTypes, required: true);
        var course = CheckEnum(http, attributes, "course_identifier", Courses, required: true);
        var date = CheckDateTime(http, attributes, "declaration_date", required: true);
        CheckUuid(http, attributes, "delivery_partner_id", required: false);
        CheckUuid(http, attributes, "secondary_delivery_partner_id", required: false);
        bool? hasPassed = null;
        if (type == "completed")
        {
            if (attributes["has_passed"] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                hasPassed = v.GetValue<bool>();
            }
            else
            {
                Violation(http, "has_passed (boolean) is required for a completed declaration");
            }
            CheckNoOthers(http, attributes, ["participant_id", "declaration_type", "declaration_date", "course_identifier", "has_passed", "delivery_partner_id", "secondary_delivery_partner_id"]);
        }
        else
        {
            CheckNoOthers(http, attributes, ["participant_id", "declaration_type", "declaration_date", "course_identifier", "delivery_partner_id", "secondary_delivery_partner_id"]);
        }
        if (participantId is null || type is null || course is null || date is null || (type == "completed" && hasPassed is null))
        {
            await Unprocessable(http, "participant_id", "The property '#/participant_id' must be a valid Participant ID");
            return;
        }

        FakeDeclaration? declaration = null;
        (string Title, string Detail)? refusal = null;
        bool lose;
        lock (gate)
        {
            var participant = FindParticipant(participantId);
            var enrolment = participant?.Enrolments.FirstOrDefault(e => e.Application.CourseIdentifier == course);
            if (participant is null)
            {
                refusal = ("participant_id", "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.");
            }
            else if (enrolment is null)
            {
                refusal = ("course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.");
            }
            else if (date > Clock.GetUtcNow())
            {
                refusal = ("declaration_date", "The '#/declaration_date' value cannot be a future date. Check the date and try again.");
            }
            else if (enrolment.TrainingStatus == "withdrawn" && date > enrolment.Withdrawal?.Date)
            {
                refusal = ("participant_id", "This participant withdrew from this course on the date given. Enter a '#/declaration_date' that's on or before the withdrawal date.");
            }
            else if (declarations.Any(d => d.ParticipantId == participantId && d.CourseIdentifier == course && d.DeclarationType == type
                && d.State is not ("voided" or "awaiting_clawback" or "clawed_back")))
            {
                refusal = ("base", DuplicateDeclarationError);
            }
            else
            {
                var now = Clock.GetUtcNow();
                declaration = new FakeDeclaration
                {
                    Id = Guid.NewGuid().ToString(),
                    ParticipantId = participantId,
                    DeclarationType = type,
                    CourseIdentifier = course,
                    DeclarationDate = date.Value,
                    HasPassed = hasPassed,
                    State = enrolment.Application.EligibleForFunding ? "eligible" : "submitted",
                    StatementId = enrolment.Application.EligibleForFunding ? "0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" : null,
                    ApplicationId = enrolment.Application.Id,
                    Cohort = enrolment.Application.Cohort,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                declarations.Add(declaration);
            }
            lose = declaration is not null && LoseNextDeclarationResponse;
            if (lose)
            {
                LoseNextDeclarationResponse = false;
            }
        }
        if (refusal is { } r)
        {
            await Unprocessable(http, r.Title, r.Detail);
        }
        else if (lose)
        {
            await Write(http, 500, new JsonObject { ["error"] = "Internal server error" });
        }
        else
        {
            await Write(http, 200, new JsonObject { ["data"] = DeclarationJson(declaration!) });
        }
    }

    private async Task ListDeclarations(HttpContext http)
    {
        if (!ReadListQuery(http, ["participant_id", "updated_since", "cohort"], out var page, out var perPage, out var filters))
        {
            await BadParameter(http);
            return;
        }
        List<FakeDeclaration> rows;
        lock (gate)
        {
            rows = declarations
                .Where(d => filters.ParticipantIds is null || filters.ParticipantIds.Contains(d.ParticipantId))
                .Where(d => filters.UpdatedSince is null || d.UpdatedAt >= filters.UpdatedSince)
                .Where(d => filters.Cohorts is null || filters.Cohorts.Contains(d.Cohort))
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        }
        await WritePage(http, rows, page, perPage, DeclarationJson);
    }

    private async Task VoidDeclaration(HttpContext http, string id)
    {
        if (((string)http.Items["body"]!).Length > 0)
        {
            Violation(http, "the void endpoint takes no request body");
        }
        FakeDeclaration? declaration;
        string? refusal = null;
        lock (gate)
        {
            declaration = FindDeclaration(id);
            if (declaration is not null)
            {
                switch (declaration.State)
                {
                    case "voided" or "awaiting_clawback" or "clawed_back":
                        refusal = "This declaration has already been voided.";
                        break;
                    case "paid":
                        declaration.State = "awaiting_clawback";
                        break;
                    default:
                        declaration.State = "voided";
                        break;
                }
                declaration.UpdatedAt = Clock.GetUtcNow();
            }
        }
        if (declaration is null)
        {
            await NotFound(http);
        }
        else if (refusal is not null)
        {
            await Unprocessable(http, "id", refusal);
        }
        else
        {
            await Write(http, 200, new JsonObject { ["data"] = DeclarationJson(declaration) });
        }
    }

    private FakeDeclaration? FindDeclaration(string id)
    {
        lock (gate)
        {
            return declarations.FirstOrDefault(d => d.Id == id);
        }
    }

    // ---- Bodies as the document gives them ----

    private JsonObject ApplicationJson(FakeApplication a)
    {
        lock (gate)
        {
            return new JsonObject
            {
                ["id"] = a.Id,
                ["type"] = "npq_application",
                ["attributes"] = new JsonObject
                {
                    ["course_identifier"] = a.CourseIdentifier,
                    ["email"] = a.Email,
                    ["email_validated"] = true,
                    ["employer_name"] = null,
                    ["employment_role"] = null,
                    ["full_name"] = a.FullName,
                    ["funding_choice"] = a.EligibleForFunding ? null : "school",
                    ["headteacher_status"] = "no",
                    ["ineligible_for_funding_reason"] = a.EligibleForFunding ? null : "establishment-ineligible",
                    ["participant_id"] = a.ParticipantId,
                    ["private_childcare_provider_urn"] = null,
                    ["teacher_reference_number"] = "1234567",
                    ["teacher_reference_number_validated"] = true,
                    ["school_urn"] = a.SchoolUrn,
                    ["school_ukprn"] = null,
                    ["status"] = a.Status,
                    ["reason_for_rejection"] = a.ReasonForRejection,
                    ["works_in_school"] = a.SchoolUrn is not null,
                    ["cohort"] = a.Cohort,
                    ["cohort_suffix"] = "a",
                    ["eligible_for_funding"] = a.EligibleForFunding,
                    ["targeted_delivery_funding_eligibility"] = false,
                    ["teacher_catchment"] = true,
                    ["teacher_catchment_country"] = "United Kingdom of Great Britain and Northern Ireland",
                    ["teacher_catchment_iso_country_code"] = "GBR",
                    ["itt_provider"] = null,
                    ["lead_mentor"] = false,
                    ["funded_place"] = a.Status == "accepted" ? a.EligibleForFunding : null,
                    ["created_at"] = Stamp(a.CreatedAt),
                    ["updated_at"] = Stamp(a.UpdatedAt),
                    ["schedule_identifier"] = a.Status == "accepted" ? "npq-leadership-autumn" : null,
                    ["works_as_senco"] = false,
                    ["senco_start_date"] = null,
                },
            };
        }
    }

    private JsonObject ParticipantJson(FakeParticipant p)
    {
        lock (gate)
        {
            var enrolments = new JsonArray();
            foreach (var e in p.Enrolments)
            {
                enrolments.Add(new JsonObject
                {
                    ["course_identifier"] = e.Application.CourseIdentifier,
                    ["schedule_identifier"] = "npq-leadership-autumn",
                    ["cohort"] = e.Application.Cohort,
                    ["cohort_suffix"] = "a",
                    ["npq_application_id"] = e.Application.Id,
                    ["eligible_for_funding"] = e.Application.EligibleForFunding,
                    ["training_status"] = e.TrainingStatus,
                    ["school_urn"] = e.Application.SchoolUrn,
                    ["targeted_delivery_funding_eligibility"] = false,
                    ["funded_place"] = e.Application.EligibleForFunding,
                    ["email"] = e.Application.Email,
                    ["withdrawal"] = e.Withdrawal is { } w ? new JsonObject { ["reason"] = w.Reason, ["date"] = Stamp(w.Date) } : null,
                    ["deferral"] = e.Deferral is { } d ? new JsonObject { ["reason"] = d.Reason, ["date"] = Stamp(d.Date) } : null,
                    ["created_at"] = Stamp(e.CreatedAt),
                });
            }
            return new JsonObject
            {
                ["id"] = p.Id,
                ["type"] = "npq-participant",
                ["attributes"] = new JsonObject
                {
                    ["full_name"] = p.FullName,
                    ["previous_names"] = new JsonArray(),
                    ["teacher_reference_number"] = "1234567",
                    ["updated_at"] = Stamp(p.UpdatedAt),
                    ["npq_enrolments"] = enrolments,
                    ["participant_id_changes"] = new JsonArray(),
                },
            };
        }
    }

    private JsonObject DeclarationJson(FakeDeclaration d)
    {
        lock (gate)
        {
            return new JsonObject
            {
                ["id"] = d.Id,
                ["type"] = "participant-declaration",
                ["attributes"] = new JsonObject
                {
                    ["participant_id"] = d.ParticipantId,
                    ["declaration_type"] = d.DeclarationType,
                    ["course_identifier"] = d.CourseIdentifier,
                    ["declaration_date"] = d.DeclarationDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["state"] = d.State,
                    ["has_passed"] = d.HasPassed,
                    ["statement_id"] = d.StatementId,
                    ["clawback_statement_id"] = null,
                    ["uplift_paid"] = false,
                    ["lead_provider_name"] = LeadProviderName,
                    ["ineligible_for_funding_reason"] = null,
                    ["created_at"] = Stamp(d.CreatedAt),
                    ["delivery_partner_id"] = null,
                    ["delivery_partner_name"] = null,
                    ["secondary_delivery_partner_id"] = null,
                    ["secondary_delivery_partner_name"] = null,
                    ["application_id"] = d.ApplicationId,
                    ["updated_at"] = Stamp(d.UpdatedAt),
                },
            };
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // ---- Request checks against the document ----

    private sealed record ListFilters(DateTimeOffset? UpdatedSince, HashSet<string>? Cohorts, HashSet<string>? ParticipantIds);

    private bool ReadListQuery(HttpContext http, string[] allowedFilters, out int page, out int perPage, out ListFilters filters)
    {
        page = 1;
        perPage = 100;
        filters = new ListFilters(null, null, null);
        var ok = true;
        foreach (var key in http.Request.Query.Keys)
        {
            var known = key is "page[page]" or "page[per_page]" or "sort"
                || (key.StartsWith("filter[", StringComparison.Ordinal) && key.EndsWith(']') && allowedFilters.Contains(key[7..^1]));
            if (!known)
            {
                Violation(http, $"query parameter '{key}' is not in the document");
            }
        }
        if (http.Request.Query.TryGetValue("page[page]", out var p))
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
            {
                Violation(http, $"page[page] '{p}' is not a positive integer");
                ok = false;
            }
        }
        if (http.Request.Query.TryGetValue("page[per_page]", out var pp))
        {
            if (!int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1)
            {
                Violation(http, $"page[per_page] '{pp}' is not a positive integer");
                ok = false;
            }
            perPage = Math.Min(perPage, 3000);
        }
        DateTimeOffset? since = null;
        var sinceText = http.Request.Query["filter[updated_since]"].ToString();
        if (sinceText.Length > 0)
        {
            if (IsDateTime(sinceText, out var s))
            {
                since = s;
            }
            else
            {
                Violation(http, $"filter[updated_since] '{sinceText}' is not an ISO 8601 date-time");
                ok = false;
            }
        }
        HashSet<string>? cohorts = null;
        var cohortText = http.Request.Query["filter[cohort]"].ToString();
        if (cohortText.Length > 0)
        {
            cohorts = cohortText.Split(',').ToHashSet(StringComparer.Ordinal);
            if (cohorts.Any(c => c.Length != 4 || !c.All(char.IsAsciiDigit)))
            {
                Violation(http, $"filter[cohort] '{cohortText}' is not a comma-delimited list of years");
            }
        }
        HashSet<string>? ids = null;
        var idText = http.Request.Query["filter[participant_id]"].ToString();
        if (idText.Length > 0)
        {
            ids = idText.Split(',').ToHashSet(StringComparer.Ordinal);
            if (ids.Any(i => !Guid.TryParse(i, out _)))
            {
                Violation(http, $"filter[participant_id] '{idText}' holds something that is not a UUID");
            }
        }
        filters = new ListFilters(since, cohorts, ids);
        return ok;
    }

    // { "data": { "type": …, "attributes": { … } } }; returns the attributes.
    private JsonObject? CheckEnvelope(HttpContext http, string body, string? type, out bool ok)
    {
        ok = false;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            Violation(http, "the body is not JSON");
            return null;
        }
        if (root is not JsonObject document || document["data"] is not JsonObject data)
        {
            Violation(http, "the body has no 'data' object");
            return null;
        }
        foreach (var (name, _) in document)
        {
            if (name != "data")
            {
                Violation(http, $"unexpected top-level member '{name}'");
            }
        }
        if (data["type"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String)
        {
            Violation(http, "data.type (string) is required");
        }
        else if (type is not null && t.GetValue<string>() != type)
        {
            Violation(http, $"data.type is '{t.GetValue<string>()}', expected '{type}'");
        }
        if (data["attributes"] is not JsonObject attributes)
        {
            Violation(http, "data.attributes (object) is required");
            return null;
        }
        ok = true;
        return attributes;
    }

    private string? CheckEnum(HttpContext http, JsonObject attributes, string name, IReadOnlyList<string> allowed, bool required = false)
    {
        var value = CheckString(http, attributes, name, required);
        if (value is not null && !allowed.Contains(value))
        {
            Violation(http, $"{name} '{value}' is not one of the document's values");
            return null;
        }
        return value;
    }

    private string? CheckUuid(HttpContext http, JsonObject attributes, string name, bool required)
    {
        var value = CheckString(http, attributes, name, required);
        if (value is not null && !Guid.TryParseExact(value, "D", out _))
        {
            Violation(http, $"{name} '{value}' is not a UUID");
            return null;
        }
        return value;
    }

    private DateTimeOffset? CheckDateTime(HttpContext http, JsonObject attributes, string name, bool required)
    {
        var value = CheckString(http, attributes, name, required);
        if (value is null)
        {
            return null;
        }
        if (!IsDateTime(value, out var at))
        {
            Violation(http, $"{name} '{value}' is not an RFC 3339 date-time");
            return null;
        }
        return at;
    }

    private string? CheckString(HttpContext http, JsonObject attributes, string name, bool required)
    {
        if (!attributes.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Violation(http, $"{name} is required");
            }
            else if (attributes.ContainsKey(name))
            {
                Violation(http, $"{name} may not be null");
            }
            return null;
        }
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            Violation(http, $"{name} must be a string");
            return null;
        }
        return v.GetValue<string>();
    }

    private void CheckType(HttpContext http, JsonObject attributes, string name, params JsonValueKind[] kinds)
    {
        if (attributes.TryGetPropertyValue(name, out var node) && (node is null ? JsonValueKind.Null : node.GetValueKind()) is var kind && !kinds.Contains(kind))
        {
            Violation(http, $"{name} is {kind}, expected {string.Join(" or ", kinds)}");
        }
    }

    private void CheckNoOthers(HttpContext http, JsonObject attributes, string[] allowed)
    {
        foreach (var (name, _) in attributes)
        {
            if (!allowed.Contains(name))
            {
                Violation(http, $"attribute '{name}' is not allowed here (additionalProperties: false)");
            }
        }
    }

    // RFC 3339 date-time: a date, 'T', a time and an offset (Z or ±hh:mm).
    private static bool IsDateTime(string text, out DateTimeOffset at)
    {
        at = default;
        return text.Length >= 20 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }

    // ---- Answers ----

    private static async Task WritePage<T>(HttpContext http, List<T> rows, int page, int perPage, Func<T, JsonObject> json)
    {
        var data = new JsonArray();
        foreach (var row in rows.Skip((page - 1) * perPage).Take(perPage))
        {
            data.Add(json(row));
        }
        await Write(http, 200, new JsonObject { ["data"] = data });
    }

    private static Task Single<T>(HttpContext http, string id, T? row, Func<T, JsonObject> json) where T : class =>
        row is null ? NotFound(http) : Write(http, 200, new JsonObject { ["data"] = json(row) });

    private static Task NotFound(HttpContext http) => Write(http, 404, new JsonObject { ["error"] = "Resource not found" });

    private static Task BadParameter(HttpContext http) =>
        Write(http, 400, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["title"] = "Bad request", ["detail"] = "correct json data structure required. See API docs for reference" }) });

    private static Task Unprocessable(HttpContext http, string title, string detail) =>
        Write(http, 422, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["title"] = title, ["detail"] = detail }) });

    private static async Task Write(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }
}

// PathAndQuery with the query decoded: "/api/v3/npq-applications?page[page]=1&filter[cohort]=2025".
public sealed record FakeRequest(string Method, string PathAndQuery, string Body, string Authorization);

public sealed class FakeApplication
{
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string CourseIdentifier { get; set; } = "";
    public string Cohort { get; set; } = "";
    public string? SchoolUrn { get; set; }
    public bool EligibleForFunding { get; set; } = true;
    public string Status { get; set; } = "pending";
    public string? ReasonForRejection { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FakeParticipant
{
    public string Id { get; init; } = "";
    public string FullName { get; set; } = "";
    public List<FakeEnrolment> Enrolments { get; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FakeEnrolment
{
    public FakeApplication Application { get; init; } = null!;
    public string TrainingStatus { get; set; } = "active";
    public (string Reason, DateTimeOffset Date)? Withdrawal { get; set; }
    public (string Reason, DateTimeOffset Date)? Deferral { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class FakeDeclaration
{
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    public string DeclarationType { get; init; } = "";
    public string CourseIdentifier { get; init; } = "";
    public DateTimeOffset DeclarationDate { get; init; }
    public bool? HasPassed { get; init; }
    public string State { get; set; } = "submitted";
    public string? StatementId { get; init; }
    public string ApplicationId { get; init; } = "";
    public string Cohort { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
