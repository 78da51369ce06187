using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Communities;

// The seed's protocol with the programme team's saved minutes laid over it. Positions: 0 is
// Reconnect, 1..n the steps of a turn, ReviewPosition the Review.
public sealed class ProtocolSettings(AppDbContext db)
{
    public const int ReviewPosition = 100;

    public async Task<Func<int, ProtocolTemplate>> TemplatesAsync(CancellationToken ct = default)
    {
        var saved = await db.ProtocolSteps.AsNoTracking().ToListAsync(ct);
        var templates = ProtocolTemplate.SupportedGroupSizes.ToDictionary(size => size, size => Apply(ProtocolTemplate.DefaultFor(size), saved));
        return size => templates[size];
    }

    // A template's steps by position: Reconnect, the steps of a turn, Review.
    public static IEnumerable<(int Position, ProtocolStepDefinition Step)> Steps(ProtocolTemplate template) =>
        template.TurnSteps.Select((s, i) => (i + 1, s)).Prepend((0, template.Reconnect)).Append((ReviewPosition, template.Review));

    // The form keys each step groupSize * 1000 + position, so one flat form carries every size.
    public static int Key(int groupSize, int position) => (groupSize * 1000) + position;

    // Whole minutes from 0 to the limit for every step the form may carry, by key.
    public static Result<Dictionary<int, int>> ReadMinutes(IReadOnlyDictionary<int, string> form, IReadOnlySet<int> keys)
    {
        var minutes = new Dictionary<int, int>();
        foreach (var (key, text) in form)
        {
            if (!keys.Contains(key))
            {
                return new Failure(FailureKind.Invalid, "The form was changed: reload the page and try again");
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > ProtocolTemplate.MaxStepMinutes)
            {
                return new Failure(FailureKind.Invalid, $"Enter whole minutes from 0 to {ProtocolTemplate.MaxStepMinutes} for every step (groups of {key / 1000})");
            }
            minutes[key] = value;
        }
        return minutes;
    }

    public async Task<Failure?> SaveAsync(IReadOnlyDictionary<int, string> form, CancellationToken ct = default)
    {
        var templates = await TemplatesAsync(ct);
        var keys = ProtocolTemplate.SupportedGroupSizes.SelectMany(size => Steps(templates(size)).Select(s => Key(size, s.Position))).ToHashSet();
        var minutes = ReadMinutes(form, keys);
        if (!minutes.Succeeded)
        {
            return minutes.Failure;
        }
        var saved = await db.ProtocolSteps.ToListAsync(ct);
        foreach (var (key, value) in minutes.Value)
        {
            var (size, position) = (key / 1000, key % 1000);
            var row = saved.FirstOrDefault(s => s.GroupSize == size && s.Position == position);
            if (row is null)
            {
                db.ProtocolSteps.Add(new ProtocolStepSetting { GroupSize = size, Position = position, Minutes = value });
            }
            else
            {
                row.Minutes = value;
            }
        }
        return await db.TrySaveUniqueAsync(ct) ? null : Failure.Conflict("Someone else saved the timings at the same moment. Reload the page to see theirs");
    }

    public static ProtocolTemplate Apply(ProtocolTemplate template, IReadOnlyCollection<ProtocolStepSetting> saved)
    {
        int MinutesAt(int position, int fallback) =>
            saved.FirstOrDefault(s => s.GroupSize == template.GroupSize && s.Position == position)?.Minutes ?? fallback;

        static ProtocolStepDefinition With(ProtocolStepDefinition step, int minutes) =>
            new(step.Name, minutes, step.Speakers, step.OwnerSilent, step.Prompts, step.Note);

        return new ProtocolTemplate(
            template.GroupSize,
            template.TurnSteps.Select((step, i) => With(step, MinutesAt(i + 1, step.Minutes))),
            With(template.Reconnect, MinutesAt(0, template.Reconnect.Minutes)),
            With(template.Review, MinutesAt(ReviewPosition, template.Review.Minutes)));
    }
}
