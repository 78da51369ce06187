using Roundtable.Web.People;

namespace Roundtable.Web.Tutorials;

// How every partner page names a delegate: full name and school, as "Full name (School)", so a
// partner can tell two delegates of the same name apart and knows where each leads.
public static class DelegateNames
{
    public static string ForPartner(string fullName, string? school) =>
        string.IsNullOrWhiteSpace(school) ? fullName : $"{fullName} ({school})";

    public static string ForPartner(Participant participant) => ForPartner(participant.User.FullName, participant.School?.Name);
}
