namespace Roundtable.Web.Projects;

public static class ProjectsSetup
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectCalendar>();
        services.AddScoped<ProjectProgress>();
        return services;
    }
}
