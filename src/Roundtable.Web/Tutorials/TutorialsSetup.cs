namespace Roundtable.Web.Tutorials;

public static class TutorialsSetup
{
    public static IServiceCollection AddTutorials(this IServiceCollection services)
    {
        services.AddScoped<PartnerSlots>();
        services.AddScoped<TutorialBookings>();
        services.AddScoped<TutorialFeedbackService>();
        services.AddScoped<BookingFacts>();
        services.AddScoped<TutorialNotifications>();
        services.AddScoped<PartnerDirectory>();
        services.AddScoped<DelegateTutorials>();
        services.AddScoped<TutorialQueries>();
        return services;
    }
}
