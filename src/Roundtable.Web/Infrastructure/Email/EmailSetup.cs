namespace Roundtable.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        builder.Services.AddScoped<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
