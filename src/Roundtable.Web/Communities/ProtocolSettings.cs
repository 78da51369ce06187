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
