using Roundtable.Web.Data;

namespace Roundtable.Web.LiveSessions;

public static class LiveSetup
{
    public static WebApplicationBuilder AddLiveSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddScoped<LiveService>();
        if (DatabaseSetup.Provider(builder.Configuration) == DatabaseProvider.Postgres)
        {
            builder.Services.AddScoped<ILiveNotifier, PostgresLiveNotifier>();
            builder.Services.AddHostedService<PostgresLiveListener>();
        }
        else
        {
            builder.Services.AddScoped<ILiveNotifier, LocalLiveNotifier>();
        }
        return builder;
    }
}
