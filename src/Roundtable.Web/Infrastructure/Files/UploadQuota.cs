using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roundtable.Web.Data;

namespace Roundtable.Web.Infrastructure.Files;

public sealed class UploadSettings
{
    public const string Section = "Uploads";

    // What one person's uploads may take in the database, all files together.
    public int QuotaMegabytesPerPerson { get; set; } = 200;
}

// Uploads live in the database, so each person has a storage quota: what they uploaded and still
// keep, plus the new file, less the file it replaces.
public sealed class UploadQuota(AppDbContext db, IOptions<UploadSettings> settings)
{
    private const long Megabyte = 1024 * 1024;

    public async Task<Failure?> CheckAsync(string userId, long newBytes, string field, Guid? replacing = null, CancellationToken ct = default)
    {
        var limitMb = settings.Value.QuotaMegabytesPerPerson;
        var used = await db.StoredFiles.Where(f => f.UploadedById == userId && f.Id != replacing).SumAsync(f => (long?)f.Size, ct) ?? 0;
        if (used + newBytes <= limitMb * Megabyte)
        {
            return null;
        }
        var usedMb = (used / (double)Megabyte).ToString("0.#", CultureInfo.InvariantCulture);
        return Failure.Refused(
            $"You have used {usedMb} MB of your {limitMb} MB for uploaded files, and this file would take you over the limit. Remove a file you no longer need, or ask the programme team",
            field) with { Title = "Upload quota reached" };
    }
}

public static class UploadsSetup
{
    public static void AddUploads(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<UploadSettings>(builder.Configuration.GetSection(UploadSettings.Section));
        builder.Services.AddScoped<UploadQuota>();
    }
}
