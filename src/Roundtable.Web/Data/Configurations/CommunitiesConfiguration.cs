using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Web.Data.Configurations;

internal sealed class CommunityGroupConfiguration : IEntityTypeConfiguration<CommunityGroup>
{
    public void Configure(EntityTypeBuilder<CommunityGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(CommunityGroup.NameMaxLength).IsRequired();
        b.Property(g => g.Notes).HasMaxLength(2000);
        b.HasIndex(g => new { g.CohortId, g.Name }).IsUnique();
        b.HasOne(g => g.Cohort).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMember>
{
    public void Configure(EntityTypeBuilder<CommunityMember> b)
    {
        b.HasIndex(m => new { m.CohortId, m.UserId }).IsUnique();
        b.HasIndex(m => m.GroupId);
        b.HasOne(m => m.Group).WithMany(g => g.Members).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cohort>().WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class CommunitySessionConfiguration : IEntityTypeConfiguration<CommunitySession>
{
    public void Configure(EntityTypeBuilder<CommunitySession> b)
    {
        b.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Where).HasMaxLength(CommunitySession.WhereMaxLength).IsRequired();
        b.Property(s => s.Successes).HasMaxLength(CommunitySession.TextMaxLength);
        b.Property(s => s.Reflections).HasMaxLength(CommunitySession.TextMaxLength);
        b.Property(s => s.QuestionsForTeam).HasMaxLength(CommunitySession.TextMaxLength);
        b.HasIndex(s => new { s.GroupId, s.StartsAt });
        b.HasOne(s => s.Group).WithMany(g => g.Sessions).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Chair).WithMany().HasForeignKey(s => s.ChairId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(s => s.NextChair).WithMany().HasForeignKey(s => s.NextChairId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        b.HasOne<CommunitySession>().WithMany(s => s.Attendance).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionTurnConfiguration : IEntityTypeConfiguration<SessionTurn>
{
    public void Configure(EntityTypeBuilder<SessionTurn> b)
    {
        b.Property(t => t.ActionSteps).HasMaxLength(CommunitySession.TextMaxLength);
        b.Property(t => t.ChosenAction).HasMaxLength(CommunitySession.TextMaxLength);
        b.Property(t => t.FollowUp).HasMaxLength(CommunitySession.TextMaxLength);
        b.HasIndex(t => new { t.SessionId, t.OwnerId }).IsUnique();
        b.HasOne(t => t.Session).WithMany(s => s.Turns).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProblemCardConfiguration : IEntityTypeConfiguration<ProblemCard>
{
    public void Configure(EntityTypeBuilder<ProblemCard> b)
    {
        b.Ignore(c => c.Suitability);
        foreach (var text in new[] { nameof(ProblemCard.Problem), nameof(ProblemCard.Evidence), nameof(ProblemCard.Context), nameof(ProblemCard.Why) })
        {
            b.Property(text).HasMaxLength(ProblemCard.TextMaxLength).IsRequired();
        }
        b.Property(c => c.FrameworkArea).HasMaxLength(ProblemCard.AreaMaxLength).IsRequired();
        b.Property(c => c.Specific).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Solvable).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Controllable).HasConversion<string>().HasMaxLength(10);
        // One card per delegate per session, even when two saves race.
        b.HasIndex(c => new { c.SessionId, c.OwnerId }).IsUnique();
        b.HasOne(c => c.Session).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Artefact).WithMany().HasForeignKey(c => c.ArtefactId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BuddyPairConfiguration : IEntityTypeConfiguration<BuddyPair>
{
    public void Configure(EntityTypeBuilder<BuddyPair> b)
    {
        b.Property(p => p.Round).HasMaxLength(BuddyPair.RoundMaxLength).IsRequired();
        b.HasIndex(p => new { p.CohortId, p.Round });
        b.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BuddyPairMemberConfiguration : IEntityTypeConfiguration<BuddyPairMember>
{
    public void Configure(EntityTypeBuilder<BuddyPairMember> b)
    {
        b.HasIndex(m => new { m.PairId, m.UserId }).IsUnique();
        b.HasOne(m => m.Pair).WithMany(p => p.Members).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BuddyCheckInConfiguration : IEntityTypeConfiguration<BuddyCheckIn>
{
    public void Configure(EntityTypeBuilder<BuddyCheckIn> b)
    {
        b.Property(c => c.Note).HasMaxLength(BuddyCheckIn.NoteMaxLength).IsRequired();
        b.HasOne<BuddyPair>().WithMany(p => p.CheckIns).HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> b)
    {
        b.Property(p => p.Key).HasMaxLength(Protocol.KeyMaxLength);
        b.HasIndex(p => p.Key).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Protocol.NameMaxLength).IsRequired();
        b.Property(p => p.Description).HasMaxLength(Protocol.DescriptionMaxLength).IsRequired();
        b.Property(p => p.CurrentVersion).IsConcurrencyToken();
        b.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Versions).WithOne(v => v.Protocol).HasForeignKey(v => v.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        // A group or programme pointing at a protocol keeps it from being deleted.
        b.HasMany<CommunityGroup>().WithOne().HasForeignKey(g => g.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<Programme>().WithOne().HasForeignKey(p => p.DefaultProtocolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> b)
    {
        b.HasIndex(v => new { v.ProtocolId, v.Number }).IsUnique();
        b.Property(v => v.Sizes).HasMaxLength(40).IsRequired();
        b.Property(v => v.Steps).IsRequired();
        b.Property(v => v.CreatedById).HasMaxLength(450);
        b.HasMany<CommunitySession>().WithOne().HasForeignKey(s => s.ProtocolVersionId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_ProtocolVersion_SessionMinutes", "\"SessionMinutes\" >= 15 AND \"SessionMinutes\" <= 180"));
    }
}

internal sealed class ProtocolStepSettingConfiguration : IEntityTypeConfiguration<ProtocolStepSetting>
{
    public void Configure(EntityTypeBuilder<ProtocolStepSetting> b)
    {
        b.HasIndex(s => new { s.GroupSize, s.Position }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_ProtocolStep_Minutes", "\"Minutes\" >= 0 AND \"Minutes\" <= 120"));
    }
}

internal sealed class LiveSessionConfiguration : IEntityTypeConfiguration<Roundtable.Web.LiveSessions.LiveSession>
{
    public void Configure(EntityTypeBuilder<Roundtable.Web.LiveSessions.LiveSession> b)
    {
        b.HasKey(l => l.SessionId);
        b.Ignore(l => l.Steps);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<CommunitySession>().WithOne().HasForeignKey<Roundtable.Web.LiveSessions.LiveSession>(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.Status);
    }
}

internal sealed class LiveBreakoutConfiguration : IEntityTypeConfiguration<Roundtable.Web.LiveSessions.LiveBreakout>
{
    public void Configure(EntityTypeBuilder<Roundtable.Web.LiveSessions.LiveBreakout> b)
    {
        b.Ignore(l => l.Steps);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<CommunitySession>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Two chairs proposing the split at once cannot both save one.
        b.HasIndex(l => new { l.SessionId, l.Number }).IsUnique();
        b.HasMany(l => l.Members).WithOne().HasForeignKey(m => m.BreakoutId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveBreakoutMemberConfiguration : IEntityTypeConfiguration<Roundtable.Web.LiveSessions.LiveBreakoutMember>
{
    public void Configure(EntityTypeBuilder<Roundtable.Web.LiveSessions.LiveBreakoutMember> b)
    {
        b.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // Nobody is in two breakouts of one session.
        b.HasIndex(m => new { m.SessionId, m.UserId }).IsUnique();
    }
}

internal sealed class FrameworkAreaConfiguration : IEntityTypeConfiguration<FrameworkArea>
{
    public void Configure(EntityTypeBuilder<FrameworkArea> b)
    {
        b.Property(a => a.Name).HasMaxLength(FrameworkArea.NameMaxLength).IsRequired();
        b.HasIndex(a => new { a.ProgrammeId, a.Name }).IsUnique();
        b.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
