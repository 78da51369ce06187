namespace Roundtable.Web.Invoicing;

// Who partners invoice: the training provider's legal name, address and payment terms, from the
// "TrainingProvider" settings section, printed on every invoice.
public sealed class TrainingProviderOptions
{
    public const string Section = "TrainingProvider";

    public string LegalName { get; set; } = "";
    public string Address { get; set; } = "";
    public string PaymentTerms { get; set; } = "";
}
