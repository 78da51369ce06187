namespace Roundtable.Web.Projects;

// A bank holiday list the programme team uploaded (GOV.UK's JSON). The newest one replaces the
// list shipped with the product; with none, the shipped list is used.
public class BankHolidayFile
{
    public const int MaxBytes = 1024 * 1024;
    public const int FileNameMaxLength = 260;

    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    public int Count { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public string UploadedById { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
