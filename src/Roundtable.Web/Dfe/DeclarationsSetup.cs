namespace Roundtable.Web.Dfe;

public static class DeclarationsSetup
{
    public static IServiceCollection AddDeclarations(this IServiceCollection services)
    {
        services.AddScoped<DeclarationProposals>();
        services.AddScoped<DeclarationSubmissions>();
        return services;
    }
}
