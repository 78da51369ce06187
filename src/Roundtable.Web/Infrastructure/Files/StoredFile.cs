namespace Roundtable.Web.Infrastructure.Files;

// Uploaded files live in the database, so every app server can serve every file and a backup of
// the database is a backup of everything.
public class StoredFile
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 260;

    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string UploadedById { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public sealed record UploadCheck(bool Ok, string? Error, string ContentType);

// The common document and image formats people attach as evidence or artefacts.
public static class FileRules
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".rtf"] = "application/rtf",
        [".txt"] = "text/plain",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".csv"] = "text/csv",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".eml"] = "message/rfc822",
        [".msg"] = "application/vnd.ms-outlook",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    public static string AllowedList => "PDF, Word, OpenDocument, RTF, text, Excel, CSV, PowerPoint, e-mail (.eml, .msg), PNG, JPEG, GIF or WebP";

    public static string Accept => string.Join(",", Allowed.Keys);

    // The content type is ours, from the extension: what the browser claims is not trusted.
    public static UploadCheck Check(string fileName, long size)
    {
        if (size <= 0)
        {
            return new(false, "The selected file is empty", "");
        }
        if (size > StoredFile.MaxBytes)
        {
            return new(false, "The selected file must be smaller than 10 MB", "");
        }
        var name = Path.GetFileName(fileName);
        if (name.Length is 0 or > StoredFile.FileNameMaxLength)
        {
            return new(false, "The selected file's name is too long", "");
        }
        return Allowed.TryGetValue(Path.GetExtension(name), out var type)
            ? new(true, null, type)
            : new(false, $"The selected file must be a {AllowedList} file", "");
    }

    public static async Task<StoredFile?> ReadAsync(IFormFile file, string uploadedById, DateTime now, CancellationToken ct)
    {
        var check = Check(file.FileName, file.Length);
        if (!check.Ok)
        {
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new StoredFile
        {
            Id = Guid.NewGuid(),
            FileName = Path.GetFileName(file.FileName),
            ContentType = check.ContentType,
            Size = buffer.Length,
            Content = buffer.ToArray(),
            UploadedById = uploadedById,
            UploadedAt = now,
        };
    }
}
