using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Communities;

// The seed's protocol's timings page: minutes only, saved as a new version of the seed's protocol
// in the library (so sessions planned on an earlier version keep their agendas). Positions: 0 is
// Reconnect, 1..n the steps of a turn, ReviewPosition the Review.
public sealed class ProtocolSettings(AppDbContext db, TimeProvider time)
{
    public const int ReviewPosition = 100;

    private readonly ProtocolLibrary library = new(db, time);

    // The seed's protocol as it stands now (the agenda API's default, calendars for unplanned sessions).
    public async Task<Func<int, ProtocolTemplate>> TemplatesAsync(CancellationToken ct = default) =>
        (await library.SeedPlanAsync(ct)).TemplateFor;

    // The version a session was planned with, for the live run, the session page and the record.
    public Task<ProtocolPlan> TemplatesForSessionAsync(CommunitySession session, CancellationToken ct = default) =>
        library.PlanForSessionAsync(session, ct);

    // A template's steps by position: Reconnect, the steps of a turn, Review.
    public static IEnumerable<(int Position, ProtocolStepDefinition Step)> Steps(ProtocolTemplate template) =>
        template.TurnSteps.Select((s, i) => (i + 1, s)).Prepend((0, template.Reconnect)).Append((ReviewPosition, template.Review));

    // The form keys each step groupSize * 1000 + position, so one flat form carries every size.
    public static int Key(int groupSize, int position) => (groupSize * 1000) + position;

    // Whole minutes from 0 to the limit for every step the form may carry, by key.
    public static Result<Dictionary<int, int>> ReadMinutes(IReadOnlyDictionary<int, string> form, IReadOnlySet<int> keys)
    {
        var minutes = new Dictionary<int, int>();
        foreach (var (key, text) in form)
        {
            if (!keys.Contains(key))
            {
                return new Failure(FailureKind.Invalid, "The form was changed: reload the page and try again");
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > ProtocolTemplate.MaxStepMinutes)
            {
                return new Failure(FailureKind.Invalid, $"Enter whole minutes from 0 to {ProtocolTemplate.MaxStepMinutes} for every step (groups of {key / 1000})");
            }
            minutes[key] = value;
        }
        return minutes;
    }

    public async Task<Failure?> SaveAsync(IReadOnlyDictionary<int, string> form, string? userId, CancellationToken ct = default)
    {
        var plan = await library.SeedPlanAsync(ct);
        var keys = plan.Sizes.SelectMany(size => Steps(plan.Design.TemplateFor(size)).Select(s => Key(size, s.Position))).ToHashSet();
        var minutes = ReadMinutes(form, keys);
        if (!minutes.Succeeded)
        {
            return minutes.Failure;
        }
        var saved = minutes.Value.Select(m => new ProtocolStepSetting { GroupSize = m.Key / 1000, Position = m.Key % 1000, Minutes = m.Value }).ToList();
        var design = plan.Design with { Templates = plan.Design.Templates.Select(t => Apply(t, saved)).ToList() };
        return await SaveSeedVersionAsync(plan, design, userId, "Protocol timings saved", ct);
    }

    public async Task<Failure?> ResetAsync(string? userId, CancellationToken ct = default)
    {
        var plan = await library.SeedPlanAsync(ct);
        return await SaveSeedVersionAsync(plan, ProtocolPresets.Seed.Design, userId, "Protocol timings reset to the guidance", ct);
    }

    // The seed is built in (its steps are the guidance's), but this page predates the library and
    // may still change its minutes: each save is a new version, numbered so two saves at once conflict.
    private async Task<Failure?> SaveSeedVersionAsync(ProtocolPlan plan, ProtocolDesign design, string? userId, string action, CancellationToken ct)
    {
        var now = time.UtcNow();
        var protocol = await db.Protocols.FirstAsync(p => p.Id == plan.ProtocolId, ct);
        if (protocol.CurrentVersion != plan.VersionNumber)
        {
            return Failure.Conflict("Someone else saved the timings at the same moment. Reload the page to see theirs");
        }
        protocol.CurrentVersion = plan.VersionNumber + 1;
        db.ProtocolVersions.Add(new ProtocolVersion
        {
            ProtocolId = protocol.Id, Number = protocol.CurrentVersion, SessionMinutes = plan.SessionMinutes,
            Sizes = design.SizesText, Steps = design.ToJson(), CreatedAt = now, CreatedById = userId,
        });
        db.AuditEntries.Add(Infrastructure.Audit.AuditEntry.Of(Protocol.AuditSubject, protocol.Id, action, userId, now, $"{protocol.Name}: version {protocol.CurrentVersion}"));
        try
        {
            return await db.TrySaveUniqueAsync(ct) ? null : Failure.Conflict("Someone else saved the timings at the same moment. Reload the page to see theirs");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Someone else saved the timings at the same moment. Reload the page to see theirs");
        }
    }

    public static ProtocolTemplate Apply(ProtocolTemplate template, IReadOnlyCollection<ProtocolStepSetting> saved)
    {
        int MinutesAt(int position, int fallback) =>
            saved.FirstOrDefault(s => s.GroupSize == template.GroupSize && s.Position == position)?.Minutes ?? fallback;

        static ProtocolStepDefinition With(ProtocolStepDefinition step, int minutes) =>
            new(step.Name, minutes, step.Speakers, step.OwnerSilent, step.Prompts, step.Note, step.Listeners);

        return new ProtocolTemplate(
            template.GroupSize,
            template.TurnSteps.Select((step, i) => With(step, MinutesAt(i + 1, step.Minutes))),
            With(template.Reconnect, MinutesAt(0, template.Reconnect.Minutes)),
            With(template.Review, MinutesAt(ReviewPosition, template.Review.Minutes)));
    }
}
