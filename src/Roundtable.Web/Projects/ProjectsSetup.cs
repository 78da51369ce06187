namespace Roundtable.Web.Projects;

public static class ProjectsSetup
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectCalendar>();
        services.AddScoped<ProjectProgress>();
        services.AddScoped<ProjectRecords>();
        services.AddScoped<WrittenAccounts>();
        services.AddScoped<Assessments>();
        services.AddScoped<ProjectCriteria>();
        services.AddScoped<ProjectExemplars>();
        services.AddScoped<ProjectOverrides>();
        services.AddScoped<CaseStudies>();
        return services;
    }
}
