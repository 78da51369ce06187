using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Roundtable.Web.LiveSessions;

public static class LiveApi
{
    public sealed record ActionBody(int? FromStep, int? Minutes, int? Turn);

    public static RouteGroupBuilder MapLiveApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/sessions/{id:int}/live", Get);
        v1.MapPost("/sessions/{id:int}/live/{action}", Act);
        v1.MapGet("/sessions/{id:int}/live/events", Events);
        return v1;
    }

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Get(int id, ClaimsPrincipal user, LiveService live, CancellationToken ct) =>
        Respond(await live.GetAsync(id, user, ct));

    private static async Task<Results<Ok<LiveState>, ProblemHttpResult>> Act(int id, string action, ActionBody? body, ClaimsPrincipal user, LiveService live, CancellationToken ct)
    {
        if (!Enum.TryParse<LiveAction>(action, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(action, out _))
        {
            return TypedResults.Problem(statusCode: 400, title: "Unknown action",
                detail: "The action is one of start, next, back, pause, resume, extend, finish, takeover, drop.");
        }
        return Respond(await live.ActAsync(id, new LiveCommand(kind, body?.FromStep, body?.Minutes, body?.Turn), user, ct));
    }

    private static Results<Ok<LiveState>, ProblemHttpResult> Respond(LiveResult result) => result.Failure switch
    {
        LiveFailure.None => TypedResults.Ok(result.State!),
        LiveFailure.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: result.Detail),
        LiveFailure.Forbidden => TypedResults.Problem(statusCode: 403, title: "Not the chair", detail: result.Detail),
        _ => TypedResults.Problem(statusCode: 409, title: "The action does not fit the session now", detail: result.Detail),
    };

    // Server-Sent Events: the state on connect and after every change; a comment every 15 seconds
    // keeps proxies from closing a quiet stream.
    private static async Task<IResult> Events(int id, HttpContext context, ClaimsPrincipal user, AppDbContext db, LiveService live,
        LiveHub hub, CancellationToken ct)
    {
        var first = await live.GetAsync(id, user, ct);
        if (first.State is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: first.Detail);
        }
        var session = await db.CommunitySessions.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        var (subscription, changes) = hub.Subscribe(id);
        try
        {
            await WriteRawAsync(response, JsonSerializer.Serialize(first.State, LiveJson.Options), ct);
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
        return TypedResults.Empty;
    }

    private static async Task WriteRawAsync(HttpResponse response, string stateJson, CancellationToken ct)
    {
        await response.WriteAsync($"event: state\ndata: {stateJson}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
