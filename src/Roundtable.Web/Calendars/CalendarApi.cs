using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Calendars;

public static class CalendarApi
{
    public sealed record FeedResponse(string Url);

    // Every signed-in person has their own feed; a session's event is for whoever may see its group.
    public static void MapCalendarApi(this IEndpointRouteBuilder v1)
    {
        var calendars = v1.MapArea("Reminders");
        calendars.MapGet("/me/calendar-feed", GetFeed)
            .WithName("GetMyCalendarFeed").WithSummary("The signed-in person's private calendar subscription address (made on first use)");
        calendars.MapPost("/me/calendar-feed/renew", RenewFeed)
            .WithName("RenewMyCalendarFeed").WithSummary("A new calendar subscription address; the old one stops working");
        calendars.MapDelete("/me/calendar-feed", RevokeFeed)
            .WithName("RevokeMyCalendarFeed").WithSummary("Stop the calendar subscription address working")
            .Fails(FailureKind.NotFound);
        calendars.MapGet("/sessions/{id:int}/calendar.ics", GetSessionEvent)
            .WithName("GetSessionCalendarEvent").WithSummary("A community session as an iCalendar event, in UK time")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Fails(FailureKind.NotFound);
    }

    // The subscription itself: the secret token is the only credential, so no sign-in, no caching.
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", GetCalendarFeed).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Ok<FeedResponse>> GetFeed(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(new FeedResponse(await feeds.AddressAsync(user.UserId(), ct)));

    private static async Task<Ok<FeedResponse>> RenewFeed(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(new FeedResponse(await feeds.RenewAsync(user.UserId(), ct)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeed(ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        await feeds.RevokeAsync(user.UserId(), ct)
            ? TypedResults.NoContent()
            : Failure.NotFound("You have no calendar subscription address.").ToProblem();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSessionEvent(
        int id, ClaimsPrincipal user, AppDbContext db, CommunityQueries queries, CalendarFeeds feeds, CancellationToken ct)
    {
        var groupId = await db.CommunitySessions.Where(s => s.Id == id).Select(s => (int?)s.GroupId).FirstOrDefaultAsync(ct);
        if (groupId is null || !await queries.CanViewGroupAsync(groupId.Value, user, ct))
        {
            return Failure.NotFound("There is no session with that id that you can see.").ToProblem();
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(await feeds.SessionEventAsync(id, ct)), IcsCalendar.ContentType, $"session-{id}.ics");
    }

    private static async Task<IResult> GetCalendarFeed(string token, HttpContext context, CalendarFeeds feeds, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var ics = await feeds.FeedAsync(token, ct);
        return ics is null
            ? TypedResults.NotFound()
            : TypedResults.File(Encoding.UTF8.GetBytes(ics), IcsCalendar.ContentType);
    }
}
