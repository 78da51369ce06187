using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;

namespace Roundtable.Tests.Pages;

// Its own app on a new database: the shared one is emptied between tests.
public class ProtocolStartupTests
{
    [Fact]
    public async Task ANewDatabase_HasTheBuiltInProtocols_AsSoonAsTheAppHasStarted()
    {
        var app = new AppFactory();
        try
        {
            await app.InitializeAsync();

            // No request has asked for the library: the start itself wrote them, so many first
            // requests at once find them there instead of each trying to insert them.
            var keys = await app.WithDbAsync(db => db.Protocols.AsNoTracking().Where(p => p.BuiltIn).Select(p => p.Key!).ToListAsync());
            Assert.Equal(ProtocolPresets.All.Select(p => p.Key).Order(), keys.Order());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
