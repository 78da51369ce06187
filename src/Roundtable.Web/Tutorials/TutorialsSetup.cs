namespace Roundtable.Web.Tutorials;

public static class TutorialsSetup
{
    public static IServiceCollection AddTutorials(this IServiceCollection services)
    {
        services.AddScoped<TutorialBookings>();
        services.AddScoped<PartnerDirectory>();
        services.AddScoped<DelegateTutorials>();
        services.AddScoped<TutorialQueries>();
        return services;
    }
}
