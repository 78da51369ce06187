using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Roundtable.Web.Infrastructure;

// The pages' adapter for failures: each field error goes beside its field. A page binds its form
// as "Input" with the same property names as the service's input record, so no names are mapped
// by hand; a failure without a field goes to the top of the error summary.
public static class FormFailures
{
    public const string InputPrefix = "Input";

    public static void AddFailure(this ModelStateDictionary state, Failure failure, string prefix = InputPrefix) =>
        state.AddFailure(failure, field => prefix.Length == 0 ? field : $"{prefix}.{field}");

    // For a form whose keys are not its fields' names (numbered keys that keep the summary in the
    // order of the form, say): keyFor gives the key of each field of the input.
    public static void AddFailure(this ModelStateDictionary state, Failure failure, Func<string, string> keyFor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(keyFor);
        if (failure.Errors.Count == 0)
        {
            state.AddModelError(string.Empty, failure.Message);
            return;
        }
        foreach (var error in failure.Errors)
        {
            state.AddModelError(error.Field == FieldError.General ? string.Empty : keyFor(error.Field), error.Message);
        }
    }
}
