using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Programme.Invoices;

public static class InvoiceViews
{
    public static string TagClass(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Submitted => "govuk-tag govuk-tag--blue",
        InvoiceStatus.Approved => "govuk-tag govuk-tag--turquoise",
        InvoiceStatus.Paid => "govuk-tag govuk-tag--green",
        InvoiceStatus.Withdrawn => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--red",
    };

    public static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
