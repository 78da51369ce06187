namespace Roundtable.Web.People;

// A delegate's place on one cohort. Named Participant because "Delegate" is System.Delegate;
// the UI says "delegate".
public class Participant
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public int CohortId { get; set; }
    public Cohort Cohort { get; set; } = null!;
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public string? TutorId { get; set; }
    public AppUser? Tutor { get; set; }
    // Day and month only: the chair rotation needs no year, so none is kept (UK GDPR minimisation).
    public int? BirthdayDay { get; set; }
    public int? BirthdayMonth { get; set; }

    // The DfE Lead Provider API's participant id (a UUID), kept when an application is accepted;
    // unique, so that accepting again updates this place instead of adding another.
    public const int DfeParticipantIdMaxLength = 36;
    public string? DfeParticipantId { get; set; }
    public TrainingStatus TrainingStatus { get; set; }

    public Birthday? Birthday
    {
        get => BirthdayDay is int d && BirthdayMonth is int m ? new Birthday(d, m) : null;
        set => (BirthdayDay, BirthdayMonth) = (value?.Day, value?.Month);
    }

    public void Place(int? schoolId, string? tutorId, Birthday? birthday) =>
        (SchoolId, TutorId, Birthday) = (schoolId, tutorId, birthday);
}

// Whether the delegate is training, as recorded by the team and sent to DfE.
public enum TrainingStatus { Active, Deferred, Withdrawn }

public readonly record struct Birthday(int Day, int Month)
{
    private static readonly int[] DaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static bool IsValid(int day, int month) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth[month - 1];

    // Accepts "14/03" or "14/3" (UK order: day then month).
    public static bool TryParse(string? text, out Birthday birthday)
    {
        birthday = default;
        var parts = (text ?? "").Trim().Split('/', '-', '.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || !IsValid(day, month))
        {
            return false;
        }
        birthday = new Birthday(day, month);
        return true;
    }

    public override string ToString() =>
        new DateOnly(2000, Month, Day).ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
