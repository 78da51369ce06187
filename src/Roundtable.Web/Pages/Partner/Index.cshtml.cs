using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class IndexModel(TutorialQueries queries, Web.Invoicing.InvoiceQueries invoices, TimeProvider time) : PageModel
{
    public int ReadyToInvoice { get; private set; }
    public long ReadyToInvoicePence { get; private set; }
    public string Name { get; private set; } = "";
    public List<PartnerBookingRow> Upcoming { get; private set; } = [];
    public List<PartnerBookingRow> AwaitingFeedback { get; private set; } = [];
    public List<PartnerBookingRow> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Name = User.FindFirst(AppClaims.FullName)?.Value ?? "";
        var now = time.UtcNow();
        var all = await queries.PartnerBookingsAsync(User.UserId(), ct);
        Upcoming = all.Where(b => b.Status == BookingStatus.Booked && b.StartsAt > now).ToList();
        AwaitingFeedback = all.Where(b => b.Status == BookingStatus.Booked && b.StartsAt <= now && !b.HasFeedback).ToList();
        var ready = await invoices.InvoiceableAsync(User.UserId(), ct);
        ReadyToInvoice = ready.Count;
        ReadyToInvoicePence = ready.Sum(r => r.FeePence);
        Past = all.Where(b => b.Status != BookingStatus.Booked).OrderByDescending(b => b.StartsAt).ToList();
    }
}
