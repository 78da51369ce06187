using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Communities;

public sealed record ProtocolSummary(int Id, string Name, string Description, IReadOnlyList<int> Sizes, int SessionMinutes, bool BuiltIn, int? ProgrammeId, int CurrentVersion)
{
    public string SizesText => ProtocolPlan.SizesDescription(Sizes);
}

// The protocol library: presets, the team's copies and their versions, and which version a
// group or session runs on (the session's own, else the group's choice, else its programme's
// default, else the seed's protocol).
public sealed class ProtocolLibrary(AppDbContext db, TimeProvider time)
{
    // The presets are written at start-up (WebSetup.PrepareDatabaseAsync) and again when first
    // needed, so a fresh or emptied database always has them.
    public async Task EnsurePresetsAsync(CancellationToken ct = default)
    {
        var keys = ProtocolPresets.All.Select(p => p.Key).ToList();
        var present = await db.Protocols.Where(p => p.Key != null && keys.Contains(p.Key)).Select(p => p.Key!).ToListAsync(ct);
        if (present.Count == keys.Count)
        {
            return;
        }
        var now = time.UtcNow();
        foreach (var preset in ProtocolPresets.All.Where(p => !present.Contains(p.Key)))
        {
            var protocol = new Protocol { Key = preset.Key, Name = preset.Name, Description = preset.Description, BuiltIn = true, CurrentVersion = 1 };
            protocol.Versions.Add(NewVersion(1, preset.SessionMinutes, preset.Design, now, null));
            // Timings the team saved before the library existed become the seed's version 2, so
            // agendas do not change on upgrade.
            if (preset.Key == ProtocolPresets.SeedKey && await db.ProtocolSteps.AsNoTracking().ToListAsync(ct) is { Count: > 0 } saved)
            {
                var edited = new ProtocolDesign(preset.Design.Templates.Select(t => ProtocolSettings.Apply(t, saved)).ToList(), preset.Design.SmallerGroupsUseSmallest);
                protocol.Versions.Add(NewVersion(2, preset.SessionMinutes, edited, now, null));
                protocol.CurrentVersion = 2;
            }
            db.Protocols.Add(protocol);
        }
        // Another request may have written them a moment ago; theirs are the same.
        if (await db.TrySaveUniqueAsync(ct) && !present.Contains(ProtocolPresets.SeedKey))
        {
            // Sessions planned before the library existed were planned on the seed's protocol.
            var seedVersion = await db.Protocols.Where(p => p.Key == ProtocolPresets.SeedKey)
                .Select(p => p.Versions.First(v => v.Number == p.CurrentVersion).Id).FirstAsync(ct);
            await db.CommunitySessions.Where(s => s.ProtocolVersionId == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.ProtocolVersionId, seedVersion), ct);
        }
    }

    public async Task<IReadOnlyList<ProtocolSummary>> ListAsync(CancellationToken ct = default)
    {
        await EnsurePresetsAsync(ct);
        var rows = await db.Protocols.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Description, p.BuiltIn, p.ProgrammeId, p.CurrentVersion, p.Key, Version = p.Versions.First(v => v.Number == p.CurrentVersion) })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.Key == ProtocolPresets.SeedKey ? 0 : r.BuiltIn ? 1 : 2).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id)
            .Select(r => new ProtocolSummary(r.Id, r.Name, r.Description, r.Version.SizeList, r.Version.SessionMinutes, r.BuiltIn, r.ProgrammeId, r.CurrentVersion))
            .ToList();
    }

    public async Task<ProtocolPlan> SeedPlanAsync(CancellationToken ct = default)
    {
        await EnsurePresetsAsync(ct);
        return (await CurrentPlanAsync(p => p.Key == ProtocolPresets.SeedKey, ct))!;
    }

    public async Task<ProtocolPlan?> PlanAsync(int protocolId, CancellationToken ct = default)
    {
        await EnsurePresetsAsync(ct);
        return await CurrentPlanAsync(p => p.Id == protocolId, ct);
    }

    public async Task<ProtocolPlan?> VersionPlanAsync(int versionId, CancellationToken ct = default)
    {
        var version = await db.ProtocolVersions.AsNoTracking().Include(v => v.Protocol).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        return version is null ? null : ProtocolPlan.From(version, version.Protocol.Name);
    }

    // The version a session keeps: the one it was planned with, or (for a session planned before
    // it had one) what its group would use now.
    public async Task<ProtocolPlan> PlanForSessionAsync(CommunitySession session, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (session.ProtocolVersionId is { } versionId ? await VersionPlanAsync(versionId, ct) : null)
            ?? await PlanForGroupAsync(session.GroupId, ct);
    }

    public async Task<ProtocolPlan> PlanForGroupAsync(int groupId, CancellationToken ct = default)
    {
        var choice = await db.CommunityGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => g.ProtocolId ?? g.Cohort.Programme.DefaultProtocolId).FirstOrDefaultAsync(ct);
        return (choice is { } id ? await PlanAsync(id, ct) : null) ?? await SeedPlanAsync(ct);
    }

    public async Task<Result<Protocol>> CopyAsync(int protocolId, int? programmeId, string? userId, CancellationToken ct = default)
    {
        var source = await db.Protocols.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == protocolId, ct);
        if (source is null)
        {
            return Failure.NotFound("No such protocol");
        }
        var current = source.Versions.Single(v => v.Number == source.CurrentVersion);
        var name = $"Copy of {source.Name}";
        var copy = new Protocol
        {
            Name = name.Length <= Protocol.NameMaxLength ? name : name[..Protocol.NameMaxLength],
            Description = source.Description,
            ProgrammeId = programmeId,
            CurrentVersion = 1,
        };
        var now = time.UtcNow();
        copy.Versions.Add(NewVersion(1, current.SessionMinutes, current.Design, now, userId));
        db.Protocols.Add(copy);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(Protocol.AuditSubject, copy.Id, "Protocol copied", userId, now, $"{copy.Name}: copied from {source.Name} version {current.Number}"));
        await db.SaveChangesAsync(ct);
        return copy;
    }

    // A new version from the editor. basedOn is the version the editor started from: if someone
    // saved another since, this save is refused rather than silently overwriting theirs.
    public async Task<Result<ProtocolVersion>> SaveVersionAsync(int protocolId, int basedOn, string name, string description, int sessionMinutes, ProtocolDesign design, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        var protocol = await db.Protocols.FirstOrDefaultAsync(p => p.Id == protocolId, ct);
        if (protocol is null)
        {
            return Failure.NotFound("No such protocol");
        }
        if (protocol.BuiltIn)
        {
            return Failure.Refused("Built-in protocols cannot be changed: make a copy and edit that");
        }
        if (protocol.CurrentVersion != basedOn)
        {
            return Conflict;
        }
        var now = time.UtcNow();
        var version = NewVersion(basedOn + 1, sessionMinutes, design, now, userId);
        version.ProtocolId = protocol.Id;
        db.ProtocolVersions.Add(version);
        var renamed = protocol.Name != name;
        protocol.Name = name;
        protocol.Description = description;
        protocol.CurrentVersion = version.Number;
        db.AuditEntries.Add(AuditEntry.Of(Protocol.AuditSubject, protocol.Id, "Protocol version saved", userId, now,
            $"{name}: version {version.Number} ({design.SizesText} people, {sessionMinutes} minutes){(renamed ? ", renamed" : "")}"));
        try
        {
            // The unique (protocol, number) index and the CurrentVersion token both stop a second save of the same version.
            if (!await db.TrySaveUniqueAsync(ct))
            {
                return Conflict;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict;
        }
        return version;
    }

    public async Task<Failure?> SetProgrammeDefaultAsync(int programmeId, int? protocolId, string? userId, CancellationToken ct = default)
    {
        // The plan first: the presets may be written on the way, before anything here is tracked.
        var plan = protocolId is { } id ? await PlanAsync(id, ct) : null;
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return Failure.NotFound("No such programme");
        }
        if (protocolId is not null && plan is null)
        {
            return Failure.Invalid("ProtocolId", "Choose a protocol from the library");
        }
        programme.DefaultProtocolId = protocolId;
        db.AuditEntries.Add(AuditEntry.Of(Protocol.AuditSubject, protocolId ?? 0, "Programme default protocol set", userId, time.UtcNow(),
            $"{programme.Name}: {plan?.Name ?? "the seed's protocol"}"));
        await db.SaveChangesAsync(ct);
        return null;
    }

    // A group's own protocol (null: its programme's default). It must suit the group's size.
    public async Task<Failure?> SetGroupProtocolAsync(int groupId, int? protocolId, string? userId, CancellationToken ct = default)
    {
        var plan = protocolId is { } id ? await PlanAsync(id, ct) : null;
        var group = await db.CommunityGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return Failure.NotFound("No such group");
        }
        if (protocolId is not null && plan is null)
        {
            return Failure.Invalid("ProtocolId", "Choose a protocol from the library");
        }
        if (plan is not null && !plan.Suits(group.Members.Count))
        {
            return Failure.Invalid("ProtocolId", $"{plan.Name} suits groups of {plan.SizesText}; this group has {group.Members.Count}");
        }
        group.ProtocolId = protocolId;
        db.AuditEntries.Add(AuditEntry.Of(Protocol.AuditSubject, protocolId ?? 0, "Group protocol set", userId, time.UtcNow(),
            $"{group.Name}: {plan?.Name ?? "the programme's default"}"));
        await db.SaveChangesAsync(ct);
        return null;
    }

    // A single session planned on another protocol's current version (not once it is recorded).
    public async Task<Failure?> SetSessionProtocolAsync(int sessionId, int protocolId, string userId, CancellationToken ct = default)
    {
        var plan = await PlanAsync(protocolId, ct);
        var session = await db.CommunitySessions.Include(s => s.Group).ThenInclude(g => g.Members).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Failure.NotFound("No such session");
        }
        if (session.RecordedAt is not null)
        {
            return Failure.Refused("This session has been recorded: its agenda can no longer change");
        }
        if (plan is null)
        {
            return Failure.Invalid("ProtocolId", "Choose a protocol from the library");
        }
        if (!plan.Suits(session.Group.Members.Count))
        {
            return Failure.Invalid("ProtocolId", $"{plan.Name} suits groups of {plan.SizesText}; this group has {session.Group.Members.Count}");
        }
        session.ProtocolVersionId = plan.VersionId;
        db.AuditEntries.Add(AuditEntry.Of(Protocol.AuditSubject, protocolId, "Session protocol set", userId, time.UtcNow(),
            $"Session {session.Id} ({session.Group.Name}): {plan.Name} version {plan.VersionNumber}"));
        await db.SaveChangesAsync(ct);
        return null;
    }

    // For a session being planned: the version its group uses now, recorded with it.
    public async Task<int> VersionIdForNewSessionAsync(int groupId, CancellationToken ct = default) =>
        (await PlanForGroupAsync(groupId, ct)).VersionId;

    private static Failure Conflict =>
        Failure.Conflict("Someone else saved this protocol while you were editing it. Reload the page to see their version, then make your changes again");

    private static ProtocolVersion NewVersion(int number, int sessionMinutes, ProtocolDesign design, DateTime now, string? userId) => new()
    {
        Number = number,
        SessionMinutes = sessionMinutes,
        Sizes = design.SizesText,
        Steps = design.ToJson(),
        CreatedAt = now,
        CreatedById = userId,
    };

    private async Task<ProtocolPlan?> CurrentPlanAsync(System.Linq.Expressions.Expression<Func<Protocol, bool>> which, CancellationToken ct)
    {
        var row = await db.Protocols.AsNoTracking().Where(which)
            .Select(p => new { p.Name, Version = p.Versions.First(v => v.Number == p.CurrentVersion) })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : ProtocolPlan.From(row.Version, row.Name);
    }
}
