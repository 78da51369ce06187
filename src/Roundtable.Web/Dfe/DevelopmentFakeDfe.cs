using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Dfe;

// Development only (Dfe:UseFake=true): a small DfE Lead Provider API v3 inside the app, so that a
// newcomer can press "Sync with DfE", accept an application and submit declarations without a DfE
// sandbox token. It answers the calls DfeClient makes (applications list/accept/reject, participants
// list/withdraw/defer/resume, declarations list/create/void) in DfE's JSON:API shapes, built here by
// hand, with in-memory state that a restart forgets. It knows the demo delegates' DfE participant ids
// (so their declarations are taken) and holds four fictional pending applications for the demo
// cohort's DfE year. The DfE client's requests never leave the process (DevelopmentFakeDfeHandler);
// the same answers are served at {app}/api/v3/... for a look with curl.
// It is not the tests' fake (tests/Roundtable.Tests/Dfe/FakeDfeServer.cs), which checks every request
// against the OpenAPI document: this one is forgiving and only answers.
public sealed class DevelopmentFakeDfe(TimeProvider time)
{
    public const string Token = "roundtable-development-fake-dfe";
    // Where the app runs in Development (launchSettings.json) when App:BaseUrl does not say.
    public const string DefaultBaseUrl = "http://localhost:5080/";
    public const string ProviderName = "Roundtable Leadership Learning";

    // Fictional teachers; three at demo schools (URNs 190001-190012), one at a school Roundtable does not hold.
    public static readonly IReadOnlyList<(string Id, string ParticipantId, string Name, string Urn, bool Eligible, string Role)> PendingApplications =
    [
        ("dfe0a001-0000-4000-8000-000000000001", "dfe0b001-0000-4000-8000-000000000001", "Harriet Penhallow", "190003", true, "Deputy headteacher"),
        ("dfe0a001-0000-4000-8000-000000000002", "dfe0b001-0000-4000-8000-000000000002", "Idris Mabry", "190007", true, "Assistant headteacher"),
        ("dfe0a001-0000-4000-8000-000000000003", "dfe0b001-0000-4000-8000-000000000003", "Juno Castellane", "190010", false, "Head of school"),
        ("dfe0a001-0000-4000-8000-000000000004", "dfe0b001-0000-4000-8000-000000000004", "Kit Alderney", "199901", true, "Deputy headteacher"),
    ];

    private readonly object gate = new();
    private readonly List<App> applications = [];
    private readonly List<Person> participants = [];
    private readonly List<Decl> declarations = [];
    private bool seeded;

    // The academic year the demo cohort starts in (DemoData: course start four months ago).
    public static int CohortYear(DateTimeOffset now)
    {
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, LondonTime.Zone).DateTime).AddMonths(-4);
        return start.Month >= 9 ? start.Year : start.Year - 1;
    }

    public IReadOnlyList<string> PendingIds()
    {
        lock (gate)
        {
            Seed();
            return applications.Where(a => a.Status == "pending").Select(a => a.Id).ToList();
        }
    }

    public (int Status, string Json) Answer(string method, string path, IReadOnlyDictionary<string, string> query, string? body, string? authorization)
    {
        if (authorization != $"Bearer {Token}")
        {
            return (401, new JsonObject { ["error"] = "HTTP Token: Access denied" }.ToJsonString());
        }
        var segments = path.Trim('/').Split('/');
        if (segments.Length < 3 || segments[0] != "api" || segments[1] != "v3")
        {
            return NotFound();
        }
        lock (gate)
        {
            Seed();
            return (method, segments[2..]) switch
            {
                ("GET", ["npq-applications"]) => Page(query, applications.Where(a => InCohorts(query, a.Cohort) && Since(query, a.UpdatedAt)), ApplicationJson),
                ("GET", ["npq-applications", var id]) => One(applications.FirstOrDefault(a => a.Id == id), ApplicationJson),
                ("POST", ["npq-applications", var id, "accept"]) => Decide(id, accept: true),
                ("POST", ["npq-applications", var id, "reject"]) => Decide(id, accept: false),
                ("GET", ["participants", "npq"]) => Page(query, participants.Where(p => Since(query, p.UpdatedAt)), ParticipantJson),
                ("GET", ["participants", "npq", var id]) => One(participants.FirstOrDefault(p => p.Id == id), ParticipantJson),
                ("PUT", ["participants", "npq", var id, var action]) when action is "withdraw" or "defer" or "resume" => Change(id, action, body),
                ("GET", ["participant-declarations"]) => Page(query, declarations.Where(d =>
                    (!query.TryGetValue("filter[participant_id]", out var p) || p.Split(',').Contains(d.ParticipantId)) && Since(query, d.UpdatedAt)), DeclarationJson),
                ("GET", ["participant-declarations", var id]) => One(declarations.FirstOrDefault(d => d.Id == id), DeclarationJson),
                ("POST", ["participant-declarations"]) => Declare(body),
                ("PUT", ["participant-declarations", var id, "void"]) => Void(id),
                _ => NotFound(),
            };
        }
    }

    private void Seed()
    {
        if (seeded)
        {
            return;
        }
        seeded = true;
        var now = time.GetUtcNow();
        var cohort = CohortYear(now).ToString(CultureInfo.InvariantCulture);
        // The demo delegates (DemoData: d0e5a000-0000-4000-8000-000000000001 to …024), already on the course.
        for (var i = 1; i <= DemoData.DelegateCount; i++)
        {
            var enrolled = new App($"d0e5c000-0000-4000-8000-{i:D12}", $"d0e5a000-0000-4000-8000-{i:D12}", $"Demo delegate {i}",
                "npq-headship", cohort, $"1900{1 + ((i - 1) % 12):D2}", true, "Teacher", now.AddMonths(-5)) { Status = "accepted" };
            applications.Add(enrolled);
            Enrol(enrolled, now.AddMonths(-4));
        }
        foreach (var (id, participantId, name, urn, eligible, role) in PendingApplications)
        {
            applications.Add(new App(id, participantId, name, "npq-headship", cohort, urn, eligible, role, now.AddDays(-applications.Count % 5 - 1)));
        }
    }

    private static bool InCohorts(IReadOnlyDictionary<string, string> query, string cohort) =>
        !query.TryGetValue("filter[cohort]", out var cohorts) || cohorts.Split(',').Contains(cohort);

    private static bool Since(IReadOnlyDictionary<string, string> query, DateTimeOffset updatedAt) =>
        !query.TryGetValue("filter[updated_since]", out var text)
        || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var since)
        || updatedAt >= since;

    private (int, string) Decide(string id, bool accept)
    {
        var application = applications.FirstOrDefault(a => a.Id == id);
        if (application is null)
        {
            return NotFound();
        }
        if (application.Status != "pending")
        {
            return Unprocessable("status", application.Status == "accepted"
                ? (accept ? "This NPQ application has already been accepted" : "Once accepted an application cannot change state")
                : (accept ? "Once rejected an application cannot change state" : "This NPQ application has already been rejected"));
        }
        var now = time.GetUtcNow();
        application.Status = accept ? "accepted" : "rejected";
        application.ReasonForRejection = accept ? null : "Rejected by the lead provider";
        application.UpdatedAt = now;
        if (accept)
        {
            Enrol(application, now);
        }
        return (200, Data(ApplicationJson(application)));
    }

    private void Enrol(App application, DateTimeOffset at)
    {
        var person = participants.FirstOrDefault(p => p.Id == application.ParticipantId);
        if (person is null)
        {
            person = new Person(application.ParticipantId, application.FullName, at);
            participants.Add(person);
        }
        person.Enrolments.Add(new Enrolment(application, at));
        person.UpdatedAt = at;
    }

    private (int, string) Change(string id, string action, string? body)
    {
        var attributes = Attributes(body);
        var course = Text(attributes, "course_identifier");
        var reason = Text(attributes, "reason");
        var person = participants.FirstOrDefault(p => p.Id == id);
        if (person is null)
        {
            return NotFound();
        }
        var enrolment = person.Enrolments.FirstOrDefault(e => e.Application.CourseIdentifier == course);
        if (enrolment is null)
        {
            return Unprocessable("course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.");
        }
        if (action != "resume" && string.IsNullOrEmpty(reason))
        {
            return Unprocessable("reason", "The property '#/reason' must be present and correspond to a valid reason");
        }
        var now = time.GetUtcNow();
        switch (action)
        {
            case "withdraw" when enrolment.TrainingStatus == "withdrawn":
                return Unprocessable("training_status", "The participant is already withdrawn");
            case "defer" when enrolment.TrainingStatus != "active":
                return Unprocessable("training_status", "The participant is not active, so cannot be deferred");
            case "resume" when enrolment.TrainingStatus == "active":
                return Unprocessable("training_status", "The participant is already active");
            case "withdraw":
                (enrolment.TrainingStatus, enrolment.Withdrawal) = ("withdrawn", (reason!, now));
                break;
            case "defer":
                (enrolment.TrainingStatus, enrolment.Deferral) = ("deferred", (reason!, now));
                break;
            default:
                (enrolment.TrainingStatus, enrolment.Withdrawal, enrolment.Deferral) = ("active", null, null);
                break;
        }
        person.UpdatedAt = now;
        return (200, Data(ParticipantJson(person)));
    }

    private (int, string) Declare(string? body)
    {
        var a = Attributes(body);
        var participantId = Text(a, "participant_id");
        var type = Text(a, "declaration_type");
        var course = Text(a, "course_identifier");
        var dateText = Text(a, "declaration_date");
        var person = participants.FirstOrDefault(p => p.Id == participantId);
        if (person is null)
        {
            return Unprocessable("participant_id", "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.");
        }
        var enrolment = person.Enrolments.FirstOrDefault(e => e.Application.CourseIdentifier == course);
        if (enrolment is null)
        {
            return Unprocessable("course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.");
        }
        if (type is not ("started" or "retained-1" or "retained-2" or "completed"))
        {
            return Unprocessable("declaration_type", "The entered '#/declaration_type' is not recognised for the given participant. Check details and try again.");
        }
        if (!DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
        {
            return Unprocessable("declaration_date", "Enter a valid RCF3339 '#/declaration_date'.");
        }
        var now = time.GetUtcNow();
        if (date > now)
        {
            return Unprocessable("declaration_date", "The '#/declaration_date' value cannot be a future date. Check the date and try again.");
        }
        if (declarations.Any(d => d.ParticipantId == participantId && d.CourseIdentifier == course && d.DeclarationType == type && d.State != "voided"))
        {
            return Unprocessable("base", "A declaration has already been submitted that will be, or has been, paid for this event");
        }
        bool? hasPassed = a?["has_passed"] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
        var eligible = enrolment.Application.EligibleForFunding;
        var declaration = new Decl(Guid.NewGuid().ToString(), participantId!, type, course!, date, hasPassed, enrolment.Application.Id, now)
        {
            State = eligible ? "eligible" : "submitted",
            StatementId = eligible ? "dfe05a7e-0000-4000-8000-000000000001" : null,
        };
        declarations.Add(declaration);
        return (200, Data(DeclarationJson(declaration)));
    }

    private (int, string) Void(string id)
    {
        var declaration = declarations.FirstOrDefault(d => d.Id == id);
        if (declaration is null)
        {
            return NotFound();
        }
        if (declaration.State == "voided")
        {
            return Unprocessable("id", "This declaration has already been voided.");
        }
        declaration.State = "voided";
        declaration.UpdatedAt = time.GetUtcNow();
        return (200, Data(DeclarationJson(declaration)));
    }

    private static JsonObject? Attributes(string? body)
    {
        try
        {
            return string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body)?["data"]?["attributes"] as JsonObject;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? attributes, string name) =>
        attributes?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    // ---- Bodies ----

    private static (int, string) Page<T>(IReadOnlyDictionary<string, string> query, IEnumerable<T> rows, Func<T, JsonObject> json)
    {
        var page = query.TryGetValue("page[page]", out var p) && int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var perPage = query.TryGetValue("page[per_page]", out var pp) && int.TryParse(pp, CultureInfo.InvariantCulture, out var m) && m > 0 ? Math.Min(m, 3000) : 100;
        var data = new JsonArray();
        foreach (var row in rows.Skip((page - 1) * perPage).Take(perPage))
        {
            data.Add(json(row));
        }
        return (200, new JsonObject { ["data"] = data }.ToJsonString());
    }

    private static (int, string) One<T>(T? row, Func<T, JsonObject> json) where T : class => row is null ? NotFound() : (200, Data(json(row)));

    private static string Data(JsonObject resource) => new JsonObject { ["data"] = resource }.ToJsonString();

    private static (int, string) NotFound() => (404, new JsonObject { ["error"] = "Resource not found" }.ToJsonString());

    private static (int, string) Unprocessable(string title, string detail) =>
        (422, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["title"] = title, ["detail"] = detail }) }.ToJsonString());

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject ApplicationJson(App a) => new()
    {
        ["id"] = a.Id,
        ["type"] = "npq_application",
        ["attributes"] = new JsonObject
        {
            ["course_identifier"] = a.CourseIdentifier,
            ["email"] = $"{a.FullName.ToLowerInvariant().Replace(' ', '.')}@school.example",
            ["email_validated"] = true,
            ["employer_name"] = null,
            ["employment_role"] = a.Role,
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
            ["works_in_school"] = true,
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

    private static JsonObject ParticipantJson(Person p)
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
                ["email"] = null,
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

    private static JsonObject DeclarationJson(Decl d) => new()
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
            ["lead_provider_name"] = ProviderName,
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

    private sealed class App(string id, string participantId, string fullName, string course, string cohort, string urn, bool eligible, string role, DateTimeOffset at)
    {
        public string Id { get; } = id;
        public string ParticipantId { get; } = participantId;
        public string FullName { get; } = fullName;
        public string CourseIdentifier { get; } = course;
        public string Cohort { get; } = cohort;
        public string SchoolUrn { get; } = urn;
        public bool EligibleForFunding { get; } = eligible;
        public string Role { get; } = role;
        public string Status { get; set; } = "pending";
        public string? ReasonForRejection { get; set; }
        public DateTimeOffset CreatedAt { get; } = at;
        public DateTimeOffset UpdatedAt { get; set; } = at;
    }

    private sealed class Person(string id, string fullName, DateTimeOffset at)
    {
        public string Id { get; } = id;
        public string FullName { get; } = fullName;
        public List<Enrolment> Enrolments { get; } = [];
        public DateTimeOffset CreatedAt { get; } = at;
        public DateTimeOffset UpdatedAt { get; set; } = at;
    }

    private sealed class Enrolment(App application, DateTimeOffset at)
    {
        public App Application { get; } = application;
        public string TrainingStatus { get; set; } = "active";
        public (string Reason, DateTimeOffset Date)? Withdrawal { get; set; }
        public (string Reason, DateTimeOffset Date)? Deferral { get; set; }
        public DateTimeOffset CreatedAt { get; } = at;
    }

    private sealed class Decl(string id, string participantId, string type, string course, DateTimeOffset date, bool? hasPassed, string applicationId, DateTimeOffset at)
    {
        public string Id { get; } = id;
        public string ParticipantId { get; } = participantId;
        public string DeclarationType { get; } = type;
        public string CourseIdentifier { get; } = course;
        public DateTimeOffset DeclarationDate { get; } = date;
        public bool? HasPassed { get; } = hasPassed;
        public string ApplicationId { get; } = applicationId;
        public string State { get; set; } = "submitted";
        public string? StatementId { get; init; }
        public DateTimeOffset CreatedAt { get; } = at;
        public DateTimeOffset UpdatedAt { get; set; } = at;
    }
}

// The DfE client's last handler when the fake is on: answers from DevelopmentFakeDfe, nothing sent.
public sealed class DevelopmentFakeDfeHandler(DevelopmentFakeDfe fake) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = ParseQuery(uri.Query);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var (status, json) = fake.Answer(request.Method.Method, uri.AbsolutePath, query, body, request.Headers.Authorization?.ToString());
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = request,
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(at < 0 ? pair : pair[..at]);
            values[key] = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..]);
        }
        return values;
    }
}

public static class DevelopmentFakeDfeSetup
{
    // Called from AddDfe. Refuses to start outside Development: a fake DfE must never answer for real
    // declarations (the money DfE pays).
    public static void AddDevelopmentFakeDfe(this WebApplicationBuilder builder, IHttpClientBuilder client)
    {
        if (!builder.Configuration.GetValue<bool>($"{DfeOptions.Section}:{nameof(DfeOptions.UseFake)}"))
        {
            return;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Roundtable cannot start in the {builder.Environment.EnvironmentName} environment with Dfe:UseFake=true: the built-in fake DfE "
                + "is for Development only. Remove the setting (Dfe__UseFake) and set Dfe:BaseUrl and Dfe:Token to DfE's sandbox or production service.");
        }
        builder.Services.AddSingleton<DevelopmentFakeDfe>();
        var own = builder.Configuration[AppLinks.Setting] is { Length: > 0 } configured ? configured.TrimEnd('/') + "/" : DevelopmentFakeDfe.DefaultBaseUrl;
        builder.Services.PostConfigure<DfeOptions>(o =>
        {
            o.BaseUrl = own;
            o.Token = DevelopmentFakeDfe.Token;
        });
        client.ConfigurePrimaryHttpMessageHandler(sp => new DevelopmentFakeDfeHandler(sp.GetRequiredService<DevelopmentFakeDfe>()));
    }

    // The same answers at {app}/api/v3/..., outside the app's sign-in (the fake checks its own token).
    public static void MapDevelopmentFakeDfe(this WebApplication app)
    {
        if (app.Services.GetService<DevelopmentFakeDfe>() is not { } fake)
        {
            return;
        }
        app.Map("/api/v3/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var (status, json) = fake.Answer(http.Request.Method, http.Request.Path, query, body, http.Request.Headers.Authorization.ToString());
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(json, http.RequestAborted);
        }).AllowAnonymous().DisableAntiforgery();
    }
}
