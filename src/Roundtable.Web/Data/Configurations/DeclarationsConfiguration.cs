using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Dfe;

namespace Roundtable.Web.Data.Configurations;

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> b)
    {
        b.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Evidence).HasMaxLength(Declaration.EvidenceMaxLength);
        b.Property(d => d.Error).HasMaxLength(Declaration.ErrorMaxLength);
        b.Property(d => d.DfeId).HasMaxLength(Declaration.DfeIdMaxLength);
        b.Property(d => d.DfeState).HasMaxLength(Declaration.DfeStateMaxLength);
        b.Property(d => d.StatementId).HasMaxLength(Declaration.DfeIdMaxLength);
        b.Property(d => d.ClaimedBy).HasMaxLength(Declaration.ServerMaxLength);
        b.Property(d => d.CreatedById).HasMaxLength(450);
        b.Property(d => d.VoidedById).HasMaxLength(450);
        b.HasOne(d => d.Participant).WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        // The backstop: one standing declaration per delegate and milestone, on both databases (the
        // state is stored as text, so the filter reads the same in SQLite and PostgreSQL).
        b.HasIndex(d => new { d.ParticipantId, d.Type }).IsUnique().HasFilter($"\"State\" <> '{nameof(DeclarationState.Voided)}'")
            .HasDatabaseName("IX_Declarations_OnePerMilestone");
        b.HasIndex(d => d.State);
        b.HasIndex(d => d.DfeId);
    }
}

internal sealed class DeclarationRuleSettingsConfiguration : IEntityTypeConfiguration<DeclarationRuleSettings>
{
    public void Configure(EntityTypeBuilder<DeclarationRuleSettings> b)
    {
        b.Property(r => r.UpdatedById).HasMaxLength(450);
        b.ToTable(t =>
        {
            foreach (var column in new[] { nameof(DeclarationRuleSettings.StartedAfter), nameof(DeclarationRuleSettings.Retained1After), nameof(DeclarationRuleSettings.Retained2After) })
            {
                t.HasCheckConstraint($"CK_DeclarationRuleSettings_{column}", $"\"{column}\" BETWEEN 1 AND {DeclarationRuleSettings.MaxCount}");
            }
        });
        b.HasData(new DeclarationRuleSettings());
    }
}
