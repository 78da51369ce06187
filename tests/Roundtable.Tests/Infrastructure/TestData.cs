using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Infrastructure;

// Builders for the records a test needs, written through the app's own services.
public sealed class TestData(AppFactory app)
{
    public const string Password = "Test-pass-2026!";
    private int _counter;

    public async Task<AppUser> UserAsync(string? email = null, string? name = null, string[]? roles = null, string? password = Password)
    {
        var n = Interlocked.Increment(ref _counter);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = AppUser.Create(email ?? $"person{n}@test.example", name ?? $"Person {n}", app.Clock.GetUtcNow().UtcDateTime);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles is { Length: > 0 })
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }
        return user;
    }

    public Task<AppUser> ProgrammeTeamAsync(string? email = null) => UserAsync(email ?? "team@test.example", "Pat Team", [Roles.ProgrammeTeam]);
    public Task<AppUser> TutorAsync(string? email = null) => UserAsync(email ?? "tutor@test.example", "Tia Tutor", [Roles.Tutor]);
    public Task<AppUser> PartnerAsync(string? email = null) => UserAsync(email ?? "partner@test.example", "Pip Partner", [Roles.Partner]);
    public Task<AppUser> AssessorAsync(string? email = null) => UserAsync(email ?? "assessor@test.example", "Ash Assessor", [Roles.Assessor]);

    public async Task<Cohort> CohortAsync(string name = "NPQH Test", string programmeCode = "NPQH", DateOnly? start = null) =>
        await app.WithDbAsync(async db =>
        {
            var programme = db.Programmes.Local.FirstOrDefault(p => p.Code == programmeCode)
                ?? db.Programmes.FirstOrDefault(p => p.Code == programmeCode)
                ?? new Programme { Code = programmeCode, Name = $"{programmeCode} programme" };
            var cohort = new Cohort { Programme = programme, Name = name, CourseStart = start ?? new DateOnly(2026, 7, 23) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    public async Task<School> SchoolAsync(int urn = 100001, string name = "Test Primary", SchoolPhase phase = SchoolPhase.Primary, Region region = Region.SouthEast) =>
        await app.WithDbAsync(async db =>
        {
            var school = new School { Urn = urn, Name = name, Phase = phase, SettingType = SettingType.Academy, Region = region, NumberOnRoll = 300 };
            db.Schools.Add(school);
            await db.SaveChangesAsync();
            return school;
        });

    public async Task<AppUser> DelegateAsync(Cohort cohort, string? email = null, School? school = null, AppUser? tutor = null, Birthday? birthday = null, string? name = null)
    {
        var user = await UserAsync(email, name, [Roles.Delegate]);
        await app.WithDbAsync(async db =>
        {
            db.Participants.Add(new Participant { UserId = user.Id, CohortId = cohort.Id, SchoolId = school?.Id, TutorId = tutor?.Id, Birthday = birthday });
            await db.SaveChangesAsync();
        });
        return user;
    }

    // NPQH projects. With the test clock on 23 November 2026 and the default English terms, these
    // dates meet every requirement they can: Project 1 runs from the autumn to the summer term with
    // the governing board first; the placement is nine October weekdays.
    public static readonly IReadOnlyList<DateOnly> NinePlacementDays =
        [new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7), new(2026, 10, 8), new(2026, 10, 9),
         new(2026, 10, 12), new(2026, 10, 13), new(2026, 10, 14), new(2026, 10, 15)];

    public Task<int> ParticipantIdAsync(AppUser user) =>
        app.WithDbAsync(db => db.Participants.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());

    public async Task<int> Project1Async(AppUser user, bool boardBeforeImplementation = true)
    {
        var participantId = await ParticipantIdAsync(user);
        return await app.WithDbAsync(async db =>
        {
            var project = new Project1
            {
                ParticipantId = participantId, Rationale = "Raise reading attainment", Start = new(2026, 9, 7), PlannedEnd = new(2027, 4, 30),
                BaselineEvidence = "Reading ages in Year 6", SmartTarget = "80% at the expected standard by July 2027",
                SuccessCriteria = "Reading ages rise a year", Team = "Phase leaders", Origin = ProjectOrigin.New, WholeSchool = true,
                BoardPresentedOn = boardBeforeImplementation ? new(2026, 9, 10) : new(2026, 9, 28), BoardFeedback = "Supportive",
                BoardFeedbackOn = boardBeforeImplementation ? new(2026, 9, 14) : new(2026, 9, 30),
                ImplementationStart = new(2026, 9, 21), UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Project1s.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
    }

    public async Task<int> Project2Async(AppUser user, IEnumerable<DateOnly>? days = null, bool board = true)
    {
        var participantId = await ParticipantIdAsync(user);
        return await app.WithDbAsync(async db =>
        {
            var project = new Project2
            {
                ParticipantId = participantId, PlacementSchoolName = "Contrast Primary", BoardPresentedOn = board ? new(2026, 11, 2) : null,
                ContrastPupilProfile = "Twice our pupil premium", Challenges = "Staffing gaps in maths", ActionPlan = "Train two maths leads",
                BudgetLines = [new BudgetLine { Category = BudgetCategory.ProfessionalDevelopment, Year = 2026, Description = "Maths lead training", AmountPence = 250_000 }],
                BoardFeedback = board ? "Approved" : null, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
                AreaExperience = "Maths leadership", AreaToImprove = true, LeadsActionPlan = true,
                PlacementDays = (days ?? NinePlacementDays).Select(d => new PlacementDay { Date = d, Activity = "Worked with the head" }).ToList(),
            };
            db.Project2s.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
    }

    // A supporting document on the delegate's latest account (a draft is started if there is none),
    // mapped to the given criteria.
    public async Task<int> DocumentAsync(AppUser user, int project, params int[] criterionIds)
    {
        var participantId = await ParticipantIdAsync(user);
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var submission = await db.Submissions.Include(s => s.Documents).Where(s => s.ParticipantId == participantId && s.Project == project)
                .OrderByDescending(s => s.Version).FirstOrDefaultAsync();
            if (submission is null)
            {
                submission = Submission.Start(participantId, project, 1, now);
                db.Submissions.Add(submission);
            }
            var file = new Roundtable.Web.Infrastructure.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = $"evidence-{submission.Documents.Count + 1}.pdf", ContentType = "application/pdf",
                Content = "%PDF-1.4"u8.ToArray(), Size = 8, UploadedById = user.Id, UploadedAt = now,
            };
            db.StoredFiles.Add(file);
            var document = submission.Attach(file, criterionIds, now);
            await db.SaveChangesAsync();
            return document.Id;
        });
    }

    public async Task<AssessmentCriterion> CriterionAsync(int project, string code, string? text = null) =>
        await app.WithDbAsync(async db =>
        {
            var criterion = new AssessmentCriterion { Project = project, Code = code, Text = text ?? $"Criterion {code}", Position = db.AssessmentCriteria.Count() + 1 };
            db.AssessmentCriteria.Add(criterion);
            await db.SaveChangesAsync();
            return criterion;
        });

    public async Task<Submission> SubmissionAsync(AppUser user, int project, SubmissionStatus status, AppUser? assessor = null, int version = 1)
    {
        var participantId = await ParticipantIdAsync(user);
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var submission = Submission.Start(participantId, project, version, now);
            submission.SetText(["Design of the change.", "How it was implemented.", "What the evaluation showed."], "Annex text", now);
            submission.Status = status;
            submission.SubmittedAt = status == SubmissionStatus.Draft ? null : now;
            submission.AssessorId = assessor?.Id;
            submission.AssignedAt = assessor is null ? null : now;
            if (status is SubmissionStatus.Assessed or SubmissionStatus.Released)
            {
                submission.Outcome = AssessmentOutcome.Passed;
                submission.OutcomeComment = "Well done";
                submission.AssessedAt = now;
                submission.ReleasedAt = status == SubmissionStatus.Released ? now : null;
            }
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            return submission;
        });
    }
}
