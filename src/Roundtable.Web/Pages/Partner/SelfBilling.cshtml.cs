using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Partner;

// The signed-in partner's own self-billing agreements (the folder's Partner policy), and the form
// to accept one: the terms in full, the dates, a box to tick and their name typed.
public class SelfBillingModel(AppDbContext db, SelfBillingAgreements agreements, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        public DateParts StartsOn { get; set; } = new();
        public DateParts EndsOn { get; set; } = new();
        public bool AcceptTerms { get; set; }
        public string? Name { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<SelfBillingAgreement> Agreements { get; private set; } = [];
    public IReadOnlyList<string> Terms { get; private set; } = [];
    public DateOnly Today { get; private set; }
    // A new agreement may be accepted when none is in force or waiting to start, or the current one ends within a month.
    public bool CanAccept { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var start = Agreements.Where(a => a.EndedAt is null && a.EndsOn >= Today).Select(a => (DateOnly?)a.EndsOn.AddDays(1)).Max() ?? Today;
        Input = new InputModel { StartsOn = DateParts.From(start), EndsOn = DateParts.From(SelfBillingAgreement.LatestEnd(start)) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var startsOn = ModelState.RequiredDate(Input.StartsOn, "Input.StartsOn", "the date the agreement starts");
        var endsOn = ModelState.RequiredDate(Input.EndsOn, "Input.EndsOn", "the date the agreement ends");
        if (ModelState.IsValid)
        {
            var accepted = await agreements.AcceptAsync(User.UserId(), new AcceptAgreementInput(startsOn, endsOn, Input.AcceptTerms, Input.Name), ct);
            if (accepted.Succeeded)
            {
                TempData["Flash"] = $"Self-billing agreement accepted: from {UkFormat.Date(accepted.Value.StartsOn)} to {UkFormat.Date(accepted.Value.EndsOn)} the programme team invoices your tutorials for you.";
                return RedirectToPage();
            }
            ModelState.AddFailure(accepted.Failure);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = LondonTime.Today(time);
        var me = User.UserId();
        Agreements = await agreements.ForPartnerAsync(me, ct);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(ct);
        var live = Agreements.Where(a => a.EndedAt is null && a.EndsOn >= Today).ToList();
        CanAccept = live.Count == 0 || (live.Count == 1 && live[0].EndsOn <= Today.AddMonths(1));
        var start = live.Count == 0 ? Today : live.Max(a => a.EndsOn).AddDays(1);
        Terms = agreements.TermsFor(name, start, SelfBillingAgreement.LatestEnd(start));
    }
}
