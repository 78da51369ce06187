using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Roundtable.Web.Infrastructure;

// The pages' adapter for failures: each field error goes beside its field. A page binds its form
// as "Input" with the same property names as the service's input record, so no names are mapped
// by hand; a failure without a field goes to the top of the error summary.
public static class FormFailures
{
    public const string InputPrefix = "Input";

    public static void AddFailure(this ModelStateDictionary state, Failure failure, string prefix = InputPrefix)
    {
        if (failure.Errors.Count == 0)
        {
            state.AddModelError(string.Empty, failure.Message);
            return;
        }
        foreach (var error in failure.Errors)
        {
            state.AddModelError(prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
