using Roundtable.Web.Insight;

namespace Roundtable.Web.Pages.Shared;

// The at-risk list as the programme team and a tutor see it; each reason links to the delegate's
// page (their projects page for NPQH delegates, their record otherwise).
public sealed record AtRiskTableView(IReadOnlyList<AtRiskPerson> Rows, bool ForTutor, string Empty)
{
    public string? DelegateHref(AtRiskPerson d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return ForTutor
            ? d.Npqh ? $"/Tutor/Projects/Delegate/{d.ParticipantId}" : null
            : d.Npqh ? $"/Programme/Projects/Delegate/{d.ParticipantId}" : $"/Programme/People/Edit/{Uri.EscapeDataString(d.UserId)}";
    }
}
