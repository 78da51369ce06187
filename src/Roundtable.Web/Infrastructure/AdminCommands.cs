using Microsoft.AspNetCore.Identity;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Infrastructure;

// `dotnet run --project src/Roundtable.Web -- create-admin someone@example.org "Their Name"` gives an
// empty production database its first programme-team account and prints the invitation link.
// An account that already exists is made programme team only with --promote-existing: a typo in
// the address must not hand someone else the keys.
public static class AdminCommands
{
    public const string PromoteExisting = "--promote-existing";

    public static bool IsCommand(string arg) => arg == "create-admin";

    public static async Task<int> RunAsync(IServiceProvider root, IConfiguration configuration, string[] args)
    {
        var promote = args.Contains(PromoteExisting, StringComparer.Ordinal);
        args = args.Where(a => a != PromoteExisting).ToArray();
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync($"Usage: create-admin <email> [\"Full name\"] [{PromoteExisting}]");
            return 2;
        }
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var email = args[1].Trim();
        var name = args.Length > 2 ? args[2].Trim() : email;
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !promote && !await users.IsInRoleAsync(user, Roles.ProgrammeTeam))
        {
            await Console.Error.WriteLineAsync(
                $"{email} already has an account, which is not in the programme team. To make it programme team, run the command again with {PromoteExisting}.");
            return 1;
        }
        if (user is null)
        {
            user = AppUser.Create(email, name, services.GetRequiredService<TimeProvider>().UtcNow());
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        if (!await users.IsInRoleAsync(user, Roles.ProgrammeTeam))
        {
            await users.AddToRoleAsync(user, Roles.ProgrammeTeam);
        }
        var baseUrl = configuration["App:BaseUrl"] ?? "http://localhost:5080";
        var link = await services.GetRequiredService<Invitations>().InviteAsync(user, baseUrl);
        // The invitation is in the outbox; the scheduler is not running in this command, so send it now
        // (if the mail server is down it stays queued and the app sends it when it runs).
        await services.GetRequiredService<Email.OutboxSender>().SendWaitingAsync();
        Console.WriteLine($"{email} is in the programme team. An invitation was e-mailed; the link to set a password is:");
        Console.WriteLine(link);
        return 0;
    }
}
