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

    // For a form that shows only some of the service's fields (the slot being booked was chosen on
    // an earlier page): an error on a field TForm does not have goes to the top of the summary.
    public static void AddFailure<TForm>(this ModelStateDictionary state, Failure failure, string prefix = InputPrefix)
    {
        var shown = failure.Errors.Where(e => FormFields<TForm>.Names.Contains(e.Field)).ToList();
        foreach (var error in failure.Errors.Except(shown))
        {
            state.AddModelError(string.Empty, error.Message);
        }
        if (shown.Count > 0 || failure.Errors.Count == 0)
        {
            state.AddFailure(failure with { Errors = shown }, prefix);
        }
    }

    private static class FormFields<TForm>
    {
        public static readonly HashSet<string> Names = typeof(TForm).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
