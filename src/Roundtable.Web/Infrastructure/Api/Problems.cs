using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Roundtable.Web.Infrastructure.Api;

// The API's adapter for failures: every expected failure becomes problem details here, with its
// status code chosen in this one place. A 400 is always a validation problem (errors by field).
public static class Problems
{
    public static int StatusCode(this FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Refused => StatusCodes.Status422UnprocessableEntity,
        FailureKind.TooMany => StatusCodes.Status429TooManyRequests,
        FailureKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        FailureKind.Unavailable => StatusCodes.Status502BadGateway,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        ProblemDetails details = failure.Kind == FailureKind.Invalid
            ? new HttpValidationProblemDetails(failure.Errors
                .GroupBy(e => JsonName(e.Field), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
            : new ProblemDetails { Title = failure.Title ?? DefaultTitle(failure.Kind) };
        details.Status = failure.Kind.StatusCode();
        details.Detail = failure.Message;
        if (failure.Title is not null)
        {
            details.Title = failure.Title;
        }
        // The one field a failure is about, for clients that point at it (Tutorials and Invoicing
        // have always answered with it, whatever the status).
        if (failure.Errors is [{ Field: var field }])
        {
            details.Extensions["field"] = JsonName(field);
        }
        foreach (var (key, value) in failure.Extensions)
        {
            details.Extensions[key] = value;
        }
        return TypedResults.Problem(details);
    }

    public static ProblemHttpResult ToProblem(this FieldErrors errors) =>
        (errors.ToFailure() ?? throw new InvalidOperationException("There are no errors to report.")).ToProblem();

    // "Input.ProjectSummary" -> "input.projectSummary": the JSON spelling of an input field.
    public static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string DefaultTitle(FailureKind kind) => kind switch
    {
        FailureKind.Forbidden => "Not allowed",
        FailureKind.NotFound => "Not found",
        FailureKind.Conflict => "Conflict",
        FailureKind.Refused => "Not possible",
        FailureKind.TooMany => "Too many requests",
        FailureKind.UnsupportedType => "Unsupported file type",
        FailureKind.Unavailable => "Service unavailable",
        _ => "Invalid request",
    };
}
