using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Insight;

namespace Roundtable.Web.Data.Configurations;

internal sealed class CohortBudgetConfiguration : IEntityTypeConfiguration<CohortBudget>
{
    public void Configure(EntityTypeBuilder<CohortBudget> b)
    {
        b.HasOne(x => x.Cohort).WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        // One budget per cohort: two people saving at once cannot leave two.
        b.HasIndex(x => x.CohortId).IsUnique();
        b.Property(x => x.SetById).HasMaxLength(450);
        b.ToTable(t => t.HasCheckConstraint("CK_CohortBudgets_AmountPence", "\"AmountPence\" >= 0"));
    }
}
