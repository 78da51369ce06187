using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Web.Data;
using Roundtable.Web.People;

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
}
