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
    public sealed record ActionBody(int? FromStep, int? Minutes, int? Turn);

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
    }

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        Respond(await live.GetAsync(id, user, ct));

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Act(int id, string action, ActionBody? body, ClaimsPrincipal user, LiveService live, CancellationToken ct)
    {
        if (!Enum.TryParse<LiveAction>(action, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(action, out _))
        {
            return (Failure.Invalid(nameof(action), "The action is one of start, next, back, pause, resume, extend, finish, takeover, drop.")
                with { Title = "Unknown action" }).ToProblem();
        }
        return Respond(await live.ActAsync(id, new LiveCommand(kind, body?.FromStep, body?.Minutes, body?.Turn), user, ct));
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
        var me = user.UserId();
        if (!hub.TryOpenStream(me))
        {
            return Failure.TooMany($"You have {LiveHub.MaxStreamsPerPerson} live screens open already, the most one person may have. Close one and try again.").ToProblem();
        }
        try
        {
            await StreamAsync(context, visible.Value, live, hub, ct);
        }
        finally
        {
            hub.CloseStream(me);
        }
        return TypedResults.Empty;
    }

    private static async Task StreamAsync(HttpContext context, CommunitySession session, LiveService live, LiveHub hub, CancellationToken ct)
    {
        var id = session.Id;
        var first = await live.StateAsync(session, ct);
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        var (subscription, changes) = hub.Subscribe(id);
        try
        {
            await WriteRawAsync(response, JsonSerializer.Serialize(first, LiveJson.Options), ct);
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
                        await WriteRawAsync(response, latest ?? JsonSerializer.Serialize(await live.StateAsync(session, ct), LiveJson.Options), ct);
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
