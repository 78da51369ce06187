using Microsoft.AspNetCore.Identity;

namespace Roundtable.Web.People;

// One person, whatever roles they hold: the Identity user id is their id everywhere in the API.
public class AppUser : IdentityUser
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    public string FullName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? InvitedAt { get; set; }
    // Set when the person was erased: the row stays as an anonymous "former member" so that the
    // records others rely on (sessions, invoices, outcomes) keep pointing somewhere.
    public DateTime? ErasedAt { get; set; }

    public static AppUser Create(string email, string fullName, DateTime createdAt) => new()
    {
        UserName = email,
        Email = email,
        FullName = fullName,
        CreatedAt = createdAt,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
