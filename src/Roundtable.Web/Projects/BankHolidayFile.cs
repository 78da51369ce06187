using System.Text;

namespace Roundtable.Web.Projects;

public sealed record HolidayFileInput(IFormFile? Upload);

// A bank holiday list the programme team uploaded (GOV.UK's JSON). The newest one replaces the
// list shipped with the product; with none, the shipped list is used.
public class BankHolidayFile
{
    public const int MaxBytes = 1024 * 1024;
    public const int FileNameMaxLength = 260;
    public const int MaxErrorsListed = 50;

    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    public int Count { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public string UploadedById { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }

    // A JSON file of at most 1 MB; what is in it is checked by Create.
    public static Failure? CheckUpload(HolidayFileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Upload switch
        {
            null => Failure.Invalid(nameof(input.Upload), "Select a bank holiday file"),
            { Length: 0 } => Failure.Invalid(nameof(input.Upload), "The selected file is empty"),
            { Length: > MaxBytes } => Failure.Invalid(nameof(input.Upload), "The selected file must be smaller than 1 MB"),
            var upload when !Path.GetExtension(upload.FileName).Equals(".json", StringComparison.OrdinalIgnoreCase) =>
                Failure.Invalid(nameof(input.Upload), "The selected file must be a JSON file, like bank-holidays.json from GOV.UK"),
            _ => null,
        };
    }

    public static async Task<Result<string>> ReadTextAsync(IFormFile upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return Failure.Invalid(nameof(HolidayFileInput.Upload), "The selected file is not a UTF-8 text file");
        }
    }

    // Every problem in the file is listed (the first fifty), so the team can fix them in one go.
    public static Result<BankHolidayFile> Create(string fileName, string json, string byId, string byName, DateTime now)
    {
        var parsed = BankHolidays.Parse(json);
        if (!parsed.Succeeded)
        {
            var errors = new FieldErrors();
            foreach (var error in parsed.Errors.Take(MaxErrorsListed))
            {
                errors.Add(nameof(HolidayFileInput.Upload), error);
            }
            if (parsed.Errors.Count > MaxErrorsListed)
            {
                errors.Add(nameof(HolidayFileInput.Upload), $"And {parsed.Errors.Count - MaxErrorsListed} more problems.");
            }
            return errors.ToFailure()!;
        }
        var list = parsed.Calendar;
        return new BankHolidayFile
        {
            FileName = Path.GetFileName(fileName), Json = json, Count = list.Holidays.Count,
            FirstYear = list.FirstYear!.Value, LastYear = list.LastYear!.Value,
            UploadedById = byId, UploadedByName = byName, UploadedAt = now,
        };
    }
}
