namespace Roundtable.Web.Insight;

public static class InsightSetup
{
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddScoped<ReportAccess>();
        services.AddScoped<CohortReports>();
        services.AddScoped<AtRiskFinder>();
        services.AddScoped<ProgrammeDashboard>();
        services.AddSingleton<DashboardSnapshots>();
        return services;
    }
}
