namespace Roundtable.Web.People;

public static class Roles
{
    public const string ProgrammeTeam = nameof(ProgrammeTeam);
    public const string Tutor = nameof(Tutor);
    public const string Delegate = nameof(Delegate);
    public const string Partner = nameof(Partner);
    public const string Assessor = nameof(Assessor);

    public static readonly IReadOnlyList<string> All = [ProgrammeTeam, Tutor, Delegate, Partner, Assessor];

    public static string DisplayName(string role) => role switch
    {
        ProgrammeTeam => "Programme team",
        Tutor => "Tutor",
        Delegate => "Delegate",
        Partner => "Professional partner",
        Assessor => "Assessor",
        _ => role,
    };

    public static string HomePage(string role) => role switch
    {
        ProgrammeTeam => "/Programme/Index",
        Tutor => "/Tutor/Index",
        Delegate => "/Delegate/Index",
        Partner => "/Partner/Index",
        Assessor => "/Assessor/Index",
        _ => "/Index",
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
