namespace Roundtable.Web.Communities;

public static class CommunitiesSetup
{
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddScoped<ProtocolSettings>();
        services.AddScoped<ProtocolLibrary>();
        services.AddScoped<CommunityQueries>();
        services.AddScoped<GroupFormationService>();
        services.AddScoped<CohortGroups>();
        services.AddScoped<ProblemCards>();
        services.AddScoped<SessionRecords>();
        services.AddScoped<SessionNotifications>();
        return services;
    }
}
