using Roundtable.Web.People;

namespace Roundtable.Web.Insight;

// What the programme team plans to spend on a cohort's tutorials (partners' invoices): one per
// cohort (unique index), shown against the paid spend on the dashboard. A programme's budget is
// the sum of its cohorts'. Changes are audited (AuditedKinds.Budget).
public class CohortBudget
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort Cohort { get; set; } = null!;
    public long AmountPence { get; set; }
    public DateTime SetAt { get; set; }
    public string? SetById { get; set; }
}
