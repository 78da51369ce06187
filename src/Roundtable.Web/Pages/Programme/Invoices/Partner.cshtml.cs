using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Programme.Invoices;

public partial class PartnerModel(AppDbContext db, PartnerPaymentDetails details, AuditTrail trail) : PageModel
{
    public sealed class InputModel
    {
        public string? Address { get; set; }
        public string? PaymentDetails { get; set; }
        public string? VatRegistered { get; set; }
        public string? VatNumber { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public bool AwaitingConfirmation { get; private set; }
    public List<AuditRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadNameAsync(ct))
        {
            return NotFound();
        }
        var billing = await db.PartnerBillings.AsNoTracking().FirstOrDefaultAsync(b => b.PartnerId == Id, ct);
        if (billing is not null)
        {
            AwaitingConfirmation = billing.AwaitingConfirmation;
            Input = new InputModel
            {
                Address = billing.Address, PaymentDetails = billing.PaymentDetails, VatRegistered = billing.VatRegistered ? "yes" : "no", VatNumber = billing.VatNumber,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadNameAsync(ct))
        {
            return NotFound();
        }
        var address = ModelState.Text(Input.Address, "Input.Address", "the partner's invoice address", PartnerBilling.AddressMaxLength, required: true);
        var payment = ModelState.Text(Input.PaymentDetails, "Input.PaymentDetails", "the payment details", PartnerBilling.PaymentMaxLength, required: true);
        string? vatNumber = null;
        if (Input.VatRegistered is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.VatRegistered", "Select whether the partner is registered for VAT");
        }
        else if (Input.VatRegistered == "yes")
        {
            vatNumber = Input.VatNumber?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (string.IsNullOrEmpty(vatNumber))
            {
                ModelState.AddModelError("Input.VatNumber", "Enter the VAT registration number");
            }
            else if (!VatNumberPattern().IsMatch(vatNumber))
            {
                ModelState.AddModelError("Input.VatNumber", "Enter a UK VAT number like GB123456789");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await details.SaveAsync(Id, new PaymentDetailsChange(address!, payment!, vatNumber), ct))
        {
            ModelState.AddModelError("", "Someone else saved this partner's details at the same moment. Check them and save again.");
            return Page();
        }
        TempData["Flash"] = $"Payment details for {Name} saved. New invoices will use them.";
        return RedirectToPage("Fees");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadNameAsync(ct))
        {
            return NotFound();
        }
        var confirmed = await details.ConfirmAsync(Id, User.UserId(), ct);
        if (!confirmed.Succeeded)
        {
            await OnGetAsync(ct);
            ModelState.AddFailure(confirmed.Failure);
            return Page();
        }
        TempData["Flash"] = $"New payment details for {Name} confirmed. Their invoices can be approved and paid again.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadNameAsync(CancellationToken ct)
    {
        History = await trail.HistoryAsync(AuditedKinds.Partner, Id, ct);
        var name = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == Id).Select(p => p.User.FullName).FirstOrDefaultAsync(ct);
        Name = name ?? "";
        return name is not null;
    }

    [GeneratedRegex("^GB([0-9]{9}|[0-9]{12})$")]
    private static partial Regex VatNumberPattern();
}
