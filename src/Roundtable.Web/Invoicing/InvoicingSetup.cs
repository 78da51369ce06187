namespace Roundtable.Web.Invoicing;

public static class InvoicingSetup
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services)
    {
        services.AddScoped<PartnerInvoices>();
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<InvoiceExport>();
        services.AddScoped<PartnerPaymentDetails>();
        services.AddScoped<SelfBillingAgreements>();
        services.AddOptions<TrainingProviderOptions>().BindConfiguration(TrainingProviderOptions.Section);
        return services;
    }
}
