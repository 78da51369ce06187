using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.LiveSessions;

// Who may see a session (members of its group, their tutors, the programme team) is decided per
// session, not by role: others get 404, and only the chair (or a member taking over) may act.
public static class LiveApi
{
    public sealed record ActionBody(int? FromStep, int? Minutes, int? Turn, string? PersonId);
    public sealed record MoveBody(string? PersonId, int? Breakout);

    public static void MapLiveApi(this IEndpointRouteBuilder v1)
    {
        var live = v1.MapArea("Live sessions", "/sessions/{id:int}/live");
        live.MapGet("", Get)
            .WithName("GetLiveSession").WithSummary("The live state of a community session")
            .Fails(FailureKind.NotFound);
        live.MapPost("/{action}", Act)
            .WithName("ActOnLiveSession").WithSummary("Start, move, pause, resume, extend, finish, take over or drop a turn")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Forbidden, FailureKind.Conflict, FailureKind.Refused);
        live.MapGet("/events", Events)
            .WithName("StreamLiveSession").WithSummary("The live state as Server-Sent Events, on connect and after every change")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .Fails(FailureKind.NotFound, FailureKind.TooMany);
        live.MapPost("/breakouts/move", Move)
            .WithName("MoveToBreakout").WithSummary("Before the start, the chair moves a present member to another proposed breakout")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Forbidden, FailureKind.Conflict, FailureKind.Refused);

        var breakout = v1.MapArea("Live sessions", "/sessions/{id:int}/breakouts/{breakoutId:int}/live");
        breakout.MapGet("", GetBreakout)
            .WithName("GetLiveBreakout").WithSummary("The live state of one breakout of a session of seven or more")
            .Fails(FailureKind.NotFound);
        breakout.MapPost("/{action}", ActOnBreakout)
            .WithName("ActOnLiveBreakout").WithSummary("The breakout's chair moves, pauses, resumes, extends, finishes or drops a turn; a member of it takes over")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Forbidden, FailureKind.Conflict, FailureKind.Refused);
        breakout.MapGet("/events", BreakoutEvents)
            .WithName("StreamLiveBreakout").WithSummary("The breakout's live state as Server-Sent Events, on connect and after every change")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .Fails(FailureKind.NotFound, FailureKind.TooMany);
    }

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Move(int id, MoveBody? body, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        Respond(await live.MoveAsync(id, body?.PersonId, body?.Breakout, user, ct));

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> GetBreakout(int id, int breakoutId, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        Respond(await live.GetBreakoutAsync(id, breakoutId, user, ct));

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> ActOnBreakout(int id, int breakoutId, string action, ActionBody? body, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        ParseAction(action) is { } kind
            ? Respond(await live.ActOnBreakoutAsync(id, breakoutId, Command(kind, body), user, ct))
            : UnknownAction().ToProblem();

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> BreakoutEvents(int id, int breakoutId, HttpContext context, ClaimsPrincipal user, LiveService live,
        LiveHub hub, CancellationToken ct)
    {
        var visible = await live.VisibleSessionAsync(id, user, ct);
        if (!visible.Succeeded)
        {
            return visible.Failure.ToProblem();
        }
        if (await live.BreakoutStateAsync(visible.Value, breakoutId, ct) is null)
        {
            return Failure.NotFound("There is no breakout with that id in this session.").ToProblem();
        }
        return await OpenStreamAsync(context, user, hub, LiveKeys.Breakout(breakoutId),
            async () => (await live.BreakoutStateAsync(visible.Value, breakoutId, ct))!, ct);
    }

    private static LiveAction? ParseAction(string action) =>
        Enum.TryParse<LiveAction>(action, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(action, out _) ? kind : null;

    private static Failure UnknownAction() =>
        Failure.Invalid("action", "The action is one of start, next, back, pause, resume, extend, finish, takeover, drop, notetaker.") with { Title = "Unknown action" };

    private static LiveCommand Command(LiveAction kind, ActionBody? body) => new(kind, body?.FromStep, body?.Minutes, body?.Turn, body?.PersonId);

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        Respond(await live.GetAsync(id, user, ct));

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Act(int id, string action, ActionBody? body, ClaimsPrincipal user, LiveService live, CancellationToken ct)
    {
        return ParseAction(action) is { } kind
            ? Respond(await live.ActAsync(id, Command(kind, body), user, ct))
            : UnknownAction().ToProblem();
    }

    private static Results<Ok<LiveState>, ProblemHttpResult> Respond(Result<LiveState> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();

    // Server-Sent Events: the state on connect and after every change; a comment every 15 seconds
    // keeps proxies from closing a quiet stream.
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Events(int id, HttpContext context, ClaimsPrincipal user, LiveService live,
        LiveHub hub, CancellationToken ct)
    {
        var visible = await live.VisibleSessionAsync(id, user, ct);
        if (!visible.Succeeded)
        {
            return visible.Failure.ToProblem();
        }
        return await OpenStreamAsync(context, user, hub, id, () => live.StateAsync(visible.Value, ct), ct);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> OpenStreamAsync(HttpContext context, ClaimsPrincipal user, LiveHub hub, int key,
        Func<Task<LiveState>> read, CancellationToken ct)
    {
        var me = user.UserId();
        if (!hub.TryOpenStream(me))
        {
            return Failure.TooMany($"You have {LiveHub.MaxStreamsPerPerson} live screens open already, the most one person may have. Close one and try again.").ToProblem();
        }
        try
        {
            await StreamAsync(context, key, me, read, hub, ct);
        }
        finally
        {
            hub.CloseStream(me);
        }
        return TypedResults.Empty;
    }

    // Every screen gets the same state, plus the viewer's own part in the step ("you").
    private static string ForViewer(string stateJson, string me) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<LiveState>(stateJson, LiveJson.Options)!.ForPerson(me), LiveJson.Options);

    private static async Task StreamAsync(HttpContext context, int id, string me, Func<Task<LiveState>> read, LiveHub hub, CancellationToken ct)
    {
        var first = await read();
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        var (subscription, changes) = hub.Subscribe(id);
        try
        {
            await WriteRawAsync(response, JsonSerializer.Serialize(first.ForPerson(me), LiveJson.Options), ct);
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    await changes.WaitToReadAsync(beat.Token);
                    string? latest = null;
                    var any = false;
                    while (changes.TryRead(out var payload))
                    {
                        (latest, any) = (payload, true);
                    }
                    if (any)
                    {
                        await WriteRawAsync(response, latest is null ? JsonSerializer.Serialize((await read()).ForPerson(me), LiveJson.Options) : ForViewer(latest, me), ct);
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The screen went away.
        }
        finally
        {
            hub.Unsubscribe(id, subscription);
        }
    }

    private static async Task WriteRawAsync(HttpResponse response, string stateJson, CancellationToken ct)
    {
        await response.WriteAsync($"event: state\ndata: {stateJson}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
