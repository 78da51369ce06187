using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Calendars;

namespace Roundtable.Web.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.UserId).IsRequired();
        b.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.HashLength).IsRequired();
        b.Property(f => f.ProtectedToken).HasMaxLength(CalendarFeed.ProtectedMaxLength).IsRequired();
        // One address per person; a token's hash finds its owner.
        b.HasIndex(f => f.UserId).IsUnique();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
