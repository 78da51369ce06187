using Roundtable.Web.Data;

namespace Roundtable.Web.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<DemoData>();
        services.AddScoped<Invitations>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<DelegateImport>();
        services.AddScoped<PendingImportQueries>();
        services.AddScoped<PersonEditor>();
        return services;
    }
}
