using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Tutorials;

// Serialises writes to one partner's slots and bookings. Called first inside a transaction, the
// update takes the partner's row lock on PostgreSQL (the next writer waits until commit and then
// reads what was committed); on SQLite the transaction already holds the database's write lock
// (BEGIN IMMEDIATE). Ids are taken in order so that two partners' locks never deadlock.
public static class TutorialLock
{
    public static async Task TakeAsync(AppDbContext db, IEnumerable<int> partnerIds, CancellationToken ct)
    {
        foreach (var id in partnerIds.Distinct().Order())
        {
            await db.PartnerProfiles.Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LockVersion, p => p.LockVersion + 1), ct);
        }
    }
}
