using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Pages.Shared;

// A record's own history from the audit trail, for _AuditHistory.
public sealed record AuditHistoryView(string Caption, IReadOnlyList<AuditRow> Rows, string Id = "history");
