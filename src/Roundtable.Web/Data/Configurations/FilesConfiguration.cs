using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(200).IsRequired();
        b.Property(f => f.UploadedById).HasMaxLength(450).IsRequired();
        b.ToTable(t => t.HasCheckConstraint("CK_StoredFile_Size", $"\"Size\" > 0 AND \"Size\" <= {StoredFile.MaxBytes}"));
    }
}
