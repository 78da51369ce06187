using System.Globalization;

namespace Roundtable.Web.Communities;

// A session the programme team schedules for a group, on a date the form reads for itself.
public sealed record SessionScheduleInput(string? Time, SessionMode? Mode, string? Where)
{
    public Failure? Check()
    {
        var errors = new FieldErrors();
        if (!TryTime(out _))
        {
            errors.Add(nameof(Time), "Enter the start time as hours and minutes, like 16:00");
        }
        if (Mode is null)
        {
            errors.Add(nameof(Mode), "Choose online or in person");
        }
        var where = Where?.Trim() ?? "";
        if (where.Length == 0)
        {
            errors.Add(nameof(Where), Mode == SessionMode.Online ? "Enter the meeting link" : "Enter where the session meets");
        }
        else if (where.Length > CommunitySession.WhereMaxLength)
        {
            errors.Add(nameof(Where), $"Enter at most {CommunitySession.WhereMaxLength} characters");
        }
        else if (Mode == SessionMode.Online && !(Uri.TryCreate(where, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add(nameof(Where), "Enter the meeting link starting https://");
        }
        return errors.ToFailure();
    }

    // The new session, starting at this UK time on the date: a time the clocks skip does not exist.
    public Result<CommunitySession> ScheduleOn(DateOnly date, int groupId)
    {
        var when = StartOn(date);
        return when.Succeeded
            ? new CommunitySession { GroupId = groupId, StartsAt = when.Value, Mode = Mode!.Value, Where = Where!.Trim() }
            : when.Failure;
    }

    // Moves or relocates a session with the same checks as scheduling it.
    public Failure? ApplyTo(CommunitySession session, DateOnly date, DateTime now)
    {
        var when = StartOn(date);
        return when.Succeeded ? session.Change(when.Value, Mode!.Value, Where!.Trim(), now) : when.Failure;
    }

    private Result<DateTime> StartOn(DateOnly date)
    {
        if (Check() is { } failure)
        {
            return failure;
        }
        TryTime(out var at);
        var local = date.ToDateTime(at);
        if (LondonTime.Zone.IsInvalidTime(local))
        {
            return Failure.Invalid(nameof(Time), "That time does not exist on the day the clocks go forward: choose another");
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, LondonTime.Zone);
    }

    private bool TryTime(out TimeOnly at) =>
        TimeOnly.TryParseExact(Time?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
}
