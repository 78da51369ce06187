using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.People;

namespace Roundtable.Web.Data;

// Fictional people and schools for the README's run command (Development only, empty database).
// Every feature adds what a newcomer needs to see it working, as every role.
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TimeProvider time, ILogger<DemoData> logger)
{
    public const string Password = "Demo-pass-2026!";
    public const string Domain = "demo.roundtable.test";
    public const int DelegateCount = 24;

    private static readonly (string Name, int Urn, SchoolPhase Phase, SettingType Setting, Region Region, int Roll)[] Schools =
    [
        ("Larkfield Primary School", 190001, SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 420),
        ("Harrowgate Hill Academy", 190002, SchoolPhase.Secondary, SettingType.Academy, Region.NorthEast, 1150),
        ("St Aldhelm's CE Primary", 190003, SchoolPhase.Primary, SettingType.Maintained, Region.SouthWest, 210),
        ("Millbrook Community College", 190004, SchoolPhase.Secondary, SettingType.Maintained, Region.EastMidlands, 980),
        ("Fernhill Special School", 190005, SchoolPhase.AllThrough, SettingType.Special, Region.WestMidlands, 140),
        ("Riverside Infant and Nursery", 190006, SchoolPhase.Primary, SettingType.Maintained, Region.London, 330),
        ("Oakmere High School", 190007, SchoolPhase.Secondary, SettingType.Academy, Region.NorthWest, 1420),
        ("Kestrel Park Free School", 190008, SchoolPhase.AllThrough, SettingType.FreeSchool, Region.YorkshireAndTheHumber, 860),
        ("Wickham Fen Primary", 190009, SchoolPhase.Primary, SettingType.Academy, Region.EastOfEngland, 190),
        ("Thornbury Vale Academy", 190010, SchoolPhase.Secondary, SettingType.Academy, Region.SouthEast, 1240),
        ("Beacon Lane Primary", 190011, SchoolPhase.Primary, SettingType.Maintained, Region.NorthWest, 450),
        ("The Hollies Learning Centre", 190012, SchoolPhase.Secondary, SettingType.AlternativeProvision, Region.London, 60),
    ];

    private static readonly string[] DelegateNames =
    [
        "Amara Okafor", "Ben Hallworth", "Carys Pennant", "Dev Raman", "Eleri Vaughan", "Farid Haddad",
        "Gemma Trelawny", "Hugo Ashdown", "Isla Mackintosh", "Jonah Fairweather", "Kiran Bassi", "Lena Marchetti",
        "Mo Adeyemi", "Nia Cadwallader", "Owen Sutcliffe", "Priya Lakhani", "Quentin Ridley", "Rosa Delgado",
        "Sam Whitlock", "Tess Harrowby", "Umar Siddiqui", "Verity Cole", "Wes Brannigan", "Yasmin Farouk",
    ];

    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Empty database in Development: loading fictional demo data.");
        var now = time.UtcNow();
        var today = DateOnly.FromDateTime(now);
        // One hash for every demo account: they share a password, and hashing is deliberately slow.
        var passwordHash = hasher.HashPassword(null!, Password);

        async Task<AppUser> Person(string local, string name, params string[] roles)
        {
            var user = AppUser.Create($"{local}@{Domain}", name, now);
            user.EmailConfirmed = true;
            user.PasswordHash = passwordHash;
            user.InvitedAt = now;
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, roles));
            return user;
        }

        var team = await Person("programme", "Morwenna Ellis", Roles.ProgrammeTeam);
        var tutor1 = await Person("tutor1", "Patrick Osei", Roles.Tutor);
        var tutor2 = await Person("tutor2", "Helen Strachan", Roles.Tutor);
        string[] partnerNames = ["Graham Pottinger", "Aisha Rahman", "Cerys Llewellyn", "Declan Murray", "Fiona Blackwood", "Tobias Grange"];
        for (var i = 0; i < partnerNames.Length; i++)
        {
            await Person($"partner{i + 1}", partnerNames[i], Roles.Partner);
        }
        await Person("assessor1", "Ruth Kingsley", Roles.Assessor);

        var npqh = new Programme { Code = "NPQH", Name = "National Professional Qualification for Headship", DfeCourseIdentifier = "npq-headship" };
        db.Programmes.AddRange(npqh,
            new Programme { Code = "NPQSL", Name = "National Professional Qualification for Senior Leadership" },
            new Programme { Code = "NPQLT", Name = "National Professional Qualification for Leading Teaching" });
        var start = today.AddMonths(-4);
        // DfE's cohort year is the academic year the course starts in (September to August).
        var cohort = new Cohort { Programme = npqh, Name = $"NPQH {start:MMMM yyyy}", CourseStart = start, DfeCohortYear = start.Month >= 9 ? start.Year : start.Year - 1 };
        db.Cohorts.Add(cohort);
        var schools = Schools.Select(s => new School { Name = s.Name, Urn = s.Urn, Phase = s.Phase, SettingType = s.Setting, Region = s.Region, NumberOnRoll = s.Roll }).ToList();
        db.Schools.AddRange(schools);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < DelegateCount; i++)
        {
            var user = await Person($"delegate{i + 1}", DelegateNames[i], Roles.Delegate);
            db.Participants.Add(new Participant
            {
                UserId = user.Id,
                Cohort = cohort,
                School = schools[i % schools.Count],
                Tutor = i < DelegateCount / 2 ? tutor1 : tutor2,
                // Most have a birthday (day and month only); a few do not, as in real cohorts.
                Birthday = i % 7 == 6 ? null : new Birthday(1 + (i * 11 % 28), 1 + (i * 5 % 12)),
                // A fixed, fictional DfE participant id per demo delegate (the DfE link).
                DfeParticipantId = $"d0e5a000-0000-4000-8000-{i + 1:D12}",
            });
        }
        await db.SaveChangesAsync(ct);

        // An uploaded file whose preview found errors, waiting for the team on its home page.
        db.PendingImports.Add(new PendingImport
        {
            Id = Guid.NewGuid(), CohortId = cohort.Id, CreatedById = team.Id, CreatedAt = now, FileName = "late-joiners.csv",
            Content = "email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\n"
                + $"nell.ashcombe@{Domain},Nell Ashcombe,190001,Larkfield Primary School,Primary,Academy,South East,420,02/05,\n"
                + "rhys.tanner-at-example,Rhys Tanner,190002,Harrowgate Hill Academy,Secondary,Academy,North East,1150,,\n",
        });
        await db.SaveChangesAsync(ct);

        await Communities.CommunitiesDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Projects.ProjectsDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Tutorials.TutorialsDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Invoicing.InvoicingDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Reminders.RemindersDemoData.SeedAsync(db, cohort.Id, time, Person, tutor1, ct);
        await Dfe.DeclarationsDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Insight.InsightDemoData.SeedAsync(db, cohort.Id, time, ct);
        await Projects.CaseStudyDemoData.SeedAsync(db, time, team.Id, Person, ct);
        await LiveSessions.LiveDemoData.SeedAsync(db, time, Person, ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
